// Package deploy publishes a built site to object storage (S3, Google Cloud
// Storage, Azure Blob Storage, or a directory) through gocloud.dev/blob, the
// library Hugo's own deploy is built on. Each file is uploaded with the
// headers of the publish policy, text gzip-encoded, and only when its
// checksum differs from the stored object's.
package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/md5"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/azureblob" // azblob://
	_ "gocloud.dev/blob/fileblob"  // file://
	_ "gocloud.dev/blob/gcsblob"   // gs://
	_ "gocloud.dev/blob/s3blob"    // s3://

	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/publish"
)

// Options change what Deploy does.
type Options struct {
	// Delete removes stored objects that are no longer in the site. Without
	// it they stay, so an old address keeps working until someone decides.
	Delete bool
	// DryRun lists what would change and changes nothing.
	DryRun bool
	// Out receives one line per upload or deletion and the summary; nil
	// means nothing is printed.
	Out io.Writer
	// Jobs is how many uploads run at once within one stage; 0 means
	// DefaultJobs.
	Jobs int
	// Changed, if set, receives the address of every file uploaded or
	// deleted, one a line, sorted (a page's index.html also as its
	// directory, "/incidents/x/"), for a CDN's invalidation.
	Changed io.Writer
	// Progress, if set, receives a line every ProgressEvery while a stage
	// of more than a few dozen uploads runs.
	Progress io.Writer
}

// DefaultJobs is how many uploads run at once: enough to hide a round trip
// of tens of milliseconds per request, few enough for any object store.
const DefaultJobs = 8

// ProgressEvery is how often a long deploy says how far it has come.
const ProgressEvery = 2 * time.Second

// attempts is how many times one upload or deletion is tried, waiting
// retryWait, then twice that, and so on, between tries.
const attempts = 4

var retryWait = 250 * time.Millisecond

// Summary counts what Deploy did (or, in a dry run, would do).
type Summary struct {
	Uploaded  int // new or changed files
	Unchanged int // files whose stored copy has the same checksum
	Deleted   int // stored objects removed (only with Options.Delete)
	Kept      int // stored objects not in the site, left because Delete was off
}

// object is one file of the site as it will be stored.
type object struct {
	key      string
	body     []byte
	md5      []byte
	encoding string // "gzip" or ""
	ctype    string
	cache    string
}

// Deploy publishes the site in dir to the bucket at bucketURL (for example
// s3://bucket?region=ap-southeast-2). It uploads the files whose checksum
// differs from the stored object's: assets first, then pages, then feeds and
// the manifest, so a reader never gets a page whose stylesheet is missing.
// Text files go up gzip-encoded, with Content-Encoding: gzip, so every
// reader gets them compressed whatever the CDN in front does.
func Deploy(ctx context.Context, dir, bucketURL string, opts Options) (Summary, error) {
	var sum Summary
	out := opts.Out
	if out == nil {
		out = io.Discard
	}
	local, err := localObjects(dir)
	if err != nil {
		return sum, err
	}
	bucket, err := blob.OpenBucket(ctx, bucketURL)
	if err != nil {
		return sum, fmt.Errorf("deploy: open %s: %w", bucketURL, err)
	}
	defer bucket.Close()
	remote, err := remoteChecksums(ctx, bucket)
	if err != nil {
		return sum, err
	}

	verb := map[bool]string{false: "", true: "would "}[opts.DryRun]
	var changed []string
	// Each stage goes up whole before the next starts (stage): a page is
	// never stored before what it loads, nor a feed before its pages, nor
	// the manifest before any file it lists.
	for _, batch := range stages(local) {
		var todo []object
		for _, o := range batch {
			if stored, ok := remote[o.key]; ok && bytes.Equal(stored, o.md5) {
				continue
			}
			enc := ""
			if o.encoding != "" {
				enc = ", " + o.encoding
			}
			fmt.Fprintf(out, "%supload %s (%s%s)\n", verb, o.key, o.ctype, enc)
			todo = append(todo, o)
			changed = append(changed, o.key)
		}
		sum.Uploaded += len(todo)
		if opts.DryRun || len(todo) == 0 {
			continue
		}
		jobs := opts.Jobs
		if jobs <= 0 {
			jobs = DefaultJobs
		}
		if stage(todo[0].key) == lastStage {
			jobs = 1 // the manifest, then its signature
		}
		if err := uploadAll(ctx, bucket, todo, jobs, opts.Progress); err != nil {
			return sum, err
		}
	}
	sum.Unchanged = len(local) - sum.Uploaded

	inSite := make(map[string]bool, len(local))
	for _, o := range local {
		inSite[o.key] = true
	}
	var gone []string
	for key := range remote {
		if !inSite[key] {
			gone = append(gone, key)
		}
	}
	sort.Strings(gone)
	for _, key := range gone {
		if !opts.Delete {
			sum.Kept++
			continue
		}
		fmt.Fprintf(out, "%sdelete %s\n", verb, key)
		if !opts.DryRun {
			if err := retry(ctx, func() error { return bucket.Delete(ctx, key) }); err != nil {
				return sum, fmt.Errorf("deploy: delete %s: %w", key, err)
			}
		}
		changed = append(changed, key)
		sum.Deleted++
	}
	if opts.Changed != nil {
		writeChanged(opts.Changed, changed)
	}

	if opts.DryRun {
		fmt.Fprintf(out, "dry run, nothing changed: %d to upload, %d unchanged, %d to delete", sum.Uploaded, sum.Unchanged, sum.Deleted)
	} else {
		fmt.Fprintf(out, "%d uploaded, %d unchanged, %d deleted", sum.Uploaded, sum.Unchanged, sum.Deleted)
	}
	if sum.Kept > 0 {
		fmt.Fprintf(out, "; %d stored file(s) no longer in the site were kept (use -delete to remove them)", sum.Kept)
	}
	fmt.Fprintln(out)
	return sum, nil
}

// localObjects reads every file of the site, compresses its text and sorts
// the files into upload order.
func localObjects(dir string) ([]object, error) {
	files, err := allFiles(dir)
	if err != nil {
		return nil, err
	}
	objs := make([]object, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return nil, fmt.Errorf("deploy: %w", err)
		}
		h := publish.HeadersFor(f)
		o := object{key: f, body: data, ctype: h.Get("Content-Type"), cache: h.Get("Cache-Control")}
		if publish.IsText(f) {
			if gz := gzipOf(dir, f, data); publish.WorthCompressing(len(data), len(gz)) {
				o.body, o.encoding = gz, "gzip"
			}
		}
		sum := md5.Sum(o.body)
		o.md5 = sum[:]
		objs = append(objs, o)
	}
	sort.SliceStable(objs, func(i, j int) bool { return stage(objs[i].key) < stage(objs[j].key) })
	return objs, nil
}

// gzipOf is the file f (holding data) gzipped: the build's .gz copy when it
// holds exactly data (unpacking is far cheaper than packing at the best
// level: 10,000 updates are 11,000 text files), else compressed here.
func gzipOf(dir, f string, data []byte) []byte {
	if gz, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)+".gz")); err == nil {
		if zr, err := gzip.NewReader(bytes.NewReader(gz)); err == nil {
			if back, err := io.ReadAll(io.LimitReader(zr, int64(len(data))+1)); err == nil && bytes.Equal(back, data) {
				return gz
			}
		}
	}
	return publish.Gzip(data)
}

// allFiles lists every regular file under dir, sorted. The .gz and .br
// copies and _headers go up too, as they are: the signed manifest lists
// them, and `disclose verify` fetches every file it lists.
func allFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("deploy: list files: %w", err)
	}
	sort.Strings(files)
	return files, nil
}

// lastStage is the manifest and its signature's.
const lastStage = 5

// stage orders uploads: what pages refer to goes up before the pages, what
// announces a new update (feeds) and the chunks of the manifest's parts
// after them, then the incidents' parts, and the manifest's root and its
// signature last, one after the other, so that nothing lists a part or
// chunk not yet stored.
func stage(key string) int {
	switch r := publish.RuleFor("/" + key); {
	case key == public.Manifest || key == public.Signature:
		return lastStage
	case manifest.IsChunk(key):
		return 3
	case manifest.IsPart(key):
		return 4
	case r.CacheControl == publish.CacheImmutable:
		return 0
	case r.CacheControl == publish.CacheStatic:
		return 1
	case strings.Contains(r.Name, "feeds"):
		return 3
	}
	return 2
}

// remoteChecksums lists the bucket: each object's key and MD5 (nil when the
// service has none, as for S3 multipart uploads; such a file is uploaded
// again).
func remoteChecksums(ctx context.Context, bucket *blob.Bucket) (map[string][]byte, error) {
	remote := map[string][]byte{}
	it := bucket.List(nil)
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return remote, nil
		}
		if err != nil {
			return nil, fmt.Errorf("deploy: list stored files: %w", err)
		}
		if obj.IsDir {
			continue
		}
		sum := obj.MD5
		if len(sum) == 0 {
			// Some drivers leave it out of listings (fileblob in
			// v0.45 does); the object's attributes may have it.
			if attrs, err := bucket.Attributes(ctx, obj.Key); err == nil {
				sum = attrs.MD5
			}
		}
		remote[obj.Key] = sum
	}
}

func upload(ctx context.Context, bucket *blob.Bucket, o object) error {
	w, err := bucket.NewWriter(ctx, o.key, &blob.WriterOptions{
		ContentType:     o.ctype,
		CacheControl:    o.cache,
		ContentEncoding: o.encoding,
		ContentMD5:      o.md5,
		// One request per file, so the stored ETag is the MD5 that the next
		// deploy compares (S3 gives multipart uploads another ETag).
		BufferSize: max(len(o.body)+1, 5<<20),
	})
	if err != nil {
		return fmt.Errorf("deploy: upload %s: %w", o.key, err)
	}
	if _, err := w.Write(o.body); err != nil {
		w.Close()
		return fmt.Errorf("deploy: upload %s: %w", o.key, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("deploy: upload %s: %w", o.key, err)
	}
	return nil
}
