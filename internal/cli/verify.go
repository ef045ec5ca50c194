package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sign"
)

func init() {
	register(command{"verify", "check a site's files against its signed manifest", runVerify})
}

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("verify", "verify DIR_OR_URL [--key FILE_OR_STRING] [-state FILE] [-since MANIFEST_OR_URL] [-page PATH]",
		"disclose verify https://updates.example-health.org/ --key RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\ndisclose verify public --key disclose.pub\n"+
			"disclose verify https://updates.example-health.org/ -page incidents/ransomware-2024/2024-05-16-0900/ --key disclose.pub", stderr)
	keyArg := fs.String("key", "", "the site's public key: a .pub file, its contents, or the key itself\n(default: the site's own /"+public.PublicKey+", which proves less)")
	stateFile := fs.String("state", "", "remember the newest build checked of each site in `FILE`, and refuse an older one\n(default: disclose/verify-state.json in your config directory)")
	since := fs.String("since", "", "refuse a copy older than this saved manifest (a `MANIFEST_OR_URL`: a "+public.Manifest+", its folder, or an address)")
	page := fs.String("page", "", "check only the files at `PATH` (a page's folder, a file, or an address on the site), fetching only the\nsigned manifest's part that lists them")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		fs.Usage()
		return fmt.Errorf("%w: verify takes one directory or address, got %d", ErrUsage, len(args))
	}
	var given sign.PublicKey
	if *keyArg != "" {
		if given, err = sign.ParsePublicKey(*keyArg); err != nil {
			return fmt.Errorf("%w: --key: %v", ErrUsage, err)
		}
	}
	if *stateFile == "" {
		if *stateFile, err = manifest.DefaultStateFile(); err != nil {
			return fmt.Errorf("verify: %w", err)
		}
	}
	// One deadline for the whole check, however the time is spent.
	ctx, cancel := context.WithTimeout(ctx, manifest.Deadline)
	defer cancel()
	site, err := manifest.OpenSite(args[0])
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	defer site.Close()
	v := &verifier{site: site, out: stdout, stateFile: *stateFile}
	if *page != "" {
		if v.page, err = pagePath(site, *page); err != nil {
			return fmt.Errorf("%w: -page: %v", ErrUsage, err)
		}
	}
	if *since != "" {
		var pe *manifest.PartError
		v.since, err = manifest.Load(ctx, *since)
		if errors.As(err, &pe) && pe.Missing {
			// A saved manifest.json alone: its build number still tells.
			if v.since, err = manifest.LoadRoot(ctx, *since); err == nil {
				v.sinceRootOnly = true
				fmt.Fprintf(stdout, "note: -since: the saved manifest's parts are not beside it (%s), so only its build number is compared\n", pe.Path)
			}
		}
		if err != nil {
			return fmt.Errorf("verify: -since: %w", err)
		}
	}
	err = v.run(ctx, given, *keyArg != "")
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("verify: not finished within %v, the deadline for one check; try again when the site answers faster: %w", manifest.Deadline, err)
	}
	return err
}

// verifier checks one site and prints what it finds, one line per finding.
type verifier struct {
	site      *manifest.Site
	out       io.Writer
	stateFile string             // where the newest build seen of each site is remembered
	since     *manifest.Manifest // a saved manifest the copy must not be older than, or nil
	page      string             // the one page to check (a slash path in the site), or ""
	// sinceRootOnly is set when the saved manifest given with -since is a
	// root without its parts: its statements are unknown.
	sinceRootOnly bool
}

func (v *verifier) printf(format string, a ...any) { fmt.Fprintf(v.out, format+"\n", a...) }

// fail prints the summary line and returns it as a FailedError (exit 1).
func (v *verifier) fail(format string, a ...any) error {
	msg := fmt.Sprintf(format, a...)
	v.printf("FAILED: %s", msg)
	return &FailedError{Msg: "verify: " + msg}
}

func (v *verifier) run(ctx context.Context, pub sign.PublicKey, haveKey bool) error {
	v.printf("Checking %s", v.site)
	raw, err := v.site.ReadFile(ctx, manifest.Name, manifest.MaxManifestSize)
	if errors.Is(err, fs.ErrNotExist) {
		v.printf("missing: %s", manifest.Name)
		return v.fail("%s has no %s, so it cannot be checked", v.site, manifest.Name)
	} else if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	sig, err := v.site.ReadFile(ctx, manifest.SigName, manifest.MaxSmallFile)
	if errors.Is(err, fs.ErrNotExist) {
		v.printf("missing: %s", manifest.SigName)
		return v.fail("the manifest is not signed, so nothing shows who published these files")
	} else if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if !haveKey {
		if pub, err = v.siteKey(ctx); err != nil {
			return err
		}
	} else {
		v.printf("key: %s (key ID %s), given with --key", pub, pub.ID())
	}
	comment, err := sign.Verify(pub, raw, sig)
	if err != nil {
		v.printf("%s: %v", manifest.SigName, err)
		return v.fail("the manifest's signature does not verify, so no file was checked against it")
	}
	v.printf("signature: good, made by key ID %s (trusted comment: %s)", pub.ID(), comment)
	root, err := manifest.Parse(raw)
	if err != nil {
		v.printf("%s: %v", manifest.Name, err)
		return v.fail("the signed manifest cannot be read")
	}
	v.noteSite(root)
	m, err := v.readParts(ctx, root)
	if err != nil {
		return err
	}
	state := &manifest.State{Sites: map[string]manifest.Seen{}}
	if v.stateFile != "" { // deploy's check of its own build remembers nothing
		if state, err = manifest.LoadState(v.stateFile); err != nil {
			return fmt.Errorf("verify: %w", err)
		}
	}
	if err := v.fresh(m, state); err != nil {
		return err
	}
	var res *manifest.Result
	if v.page != "" {
		files := pageFiles(m, v.page)
		if len(files) == 0 {
			return v.fail("the signed manifest lists no file at /%s; give the path of a page's folder or a file, as in its address", v.page)
		}
		res, err = v.site.CheckFiles(ctx, files)
	} else {
		res, err = v.site.Check(ctx, m)
	}
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if err := v.report(m, res, pub); err != nil {
		return err
	}
	// One page's part holds only some of the statements: remembered, it
	// would make a later check of the whole site miscount what a copy lacks.
	if v.stateFile == "" || v.page != "" {
		return nil
	}
	state.Remember(m, time.Now())
	if err := state.Save(v.stateFile); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	return nil
}

// readParts reads the signed root's parts (for one page, only the part
// that lists it), each checked against the root's size and hash for it.
func (v *verifier) readParts(ctx context.Context, root *manifest.Manifest) (*manifest.Manifest, error) {
	var only []manifest.File
	if v.page != "" {
		part, ok := root.PartOf(v.page)
		if !ok {
			only = []manifest.File{} // listed in the root itself
		} else {
			only = []manifest.File{part}
		}
	}
	m, err := v.site.ReadParts(ctx, root, only...)
	var pe *manifest.PartError
	switch {
	case errors.As(err, &pe) && pe.Missing:
		v.printf("missing: %s (a part of the signed manifest)", pe.Path)
		return nil, v.fail("the signed manifest's part %s is missing, so what it lists cannot be checked", pe.Path)
	case errors.As(err, &pe):
		v.printf("%s: %v", pe.Path, pe.Err)
		return nil, v.fail("the signed manifest's part %s does not match its entry in the signed manifest, so what it lists cannot be checked", pe.Path)
	case err != nil:
		return nil, fmt.Errorf("verify: %w", err)
	}
	switch n := len(m.Parts); {
	case v.page != "" && len(only) == 1:
		v.printf("part: %s matches the signed root", only[0].Path)
	case v.page == "" && n > 0:
		v.printf("parts: all %d match the signed root", n)
	}
	return m, nil
}

// fresh refuses a copy older than one checked before, or than the saved
// manifest given with -since: a genuine signature on an old build is
// how a correction is quietly undone.
func (v *verifier) fresh(m *manifest.Manifest, state *manifest.State) error {
	v.printf("build: number %d, newest statement %s", m.Sequence, orNone(m.Newest))
	if seen, ok := state.Sites[m.Site]; ok {
		if older, missing := manifest.Older(m, seen); older {
			v.printf("remembered in %s: build %d of %s, checked %s", v.stateFile, seen.Sequence, m.Site, seen.Checked)
			if v.page != "" { // one part's statements cannot be counted against the whole build's
				return v.fail("this copy is older than one you checked on %s (this is build %d, you saw build %d, newest statement %s)",
					day(seen.Checked), m.Sequence, seen.Sequence, orNone(seen.Newest))
			}
			return v.fail("this copy is older than one you checked on %s: it is missing %d statement(s) (this is build %d, you saw build %d, newest statement %s)",
				day(seen.Checked), missing, m.Sequence, seen.Sequence, orNone(seen.Newest))
		}
		if m.Sequence == seen.Sequence && m.Sequence > 0 && v.page == "" {
			if missing := manifest.Missing(m, seen); missing > 0 {
				return v.fail("this copy says it is build %d, as the one you checked on %s, but %d of that build's statement(s) are not in it: two different builds were signed under one number; ask the organisation which is theirs",
					m.Sequence, day(seen.Checked), missing)
			}
		}
	}
	if v.since != nil {
		seen := manifest.SeenOf(v.since, time.Time{})
		if older, missing := manifest.Older(m, seen); older && (v.page != "" || v.sinceRootOnly) {
			return v.fail("this copy is older than the saved manifest given with -since (this is build %d, the saved one is build %d, newest statement %s)",
				m.Sequence, v.since.Sequence, orNone(v.since.Newest))
		} else if older {
			return v.fail("this copy is older than the saved manifest given with -since: it is missing %d statement(s) (this is build %d, the saved one is build %d, newest statement %s)",
				missing, m.Sequence, v.since.Sequence, orNone(v.since.Newest))
		}
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "(none recorded)"
	}
	return s
}

// day is the date of an RFC 3339 time, as it was written.
func day(rfc3339 string) string {
	if t, err := time.Parse(time.RFC3339, rfc3339); err == nil {
		return t.Format("2 January 2006")
	}
	return rfc3339
}

// siteKey reads the public key the site publishes about itself, and says
// what that does and does not prove.
func (v *verifier) siteKey(ctx context.Context) (sign.PublicKey, error) {
	where := v.site.URL(public.PublicKey)
	if where == "" {
		where = strings.TrimSuffix(v.site.String(), "/") + "/" + public.PublicKey
	}
	text, err := v.site.ReadFile(ctx, public.PublicKey, manifest.MaxSmallFile)
	if errors.Is(err, fs.ErrNotExist) {
		v.printf("missing: %s", public.PublicKey)
		return sign.PublicKey{}, v.fail("the site publishes no key at /%s; pass the key with --key", public.PublicKey)
	} else if err != nil {
		return sign.PublicKey{}, fmt.Errorf("verify: %w", err)
	}
	pub, err := sign.ParsePublicKeyText(text)
	if err != nil {
		v.printf("%s: %v", public.PublicKey, err)
		return sign.PublicKey{}, v.fail("the site's key at /%s cannot be read; pass the key with --key", public.PublicKey)
	}
	v.printf("key: %s (key ID %s), read from %s", pub, pub.ID(), where)
	v.printf("warning: this key comes from the site being checked, so it proves less: it shows")
	v.printf("  the files match what that key signed, not that the key is the organisation's;")
	v.printf("  whoever controls the site could replace both. Compare key ID %s with one", pub.ID())
	v.printf("  published elsewhere, or pass the key you trust with --key.")
	return pub, nil
}

// noteSite says when the manifest was made for another address than the one
// being checked, as with a mirror or a copy.
func (v *verifier) noteSite(m *manifest.Manifest) {
	if !v.site.Remote() {
		return
	}
	signed, err := url.Parse(m.Site)
	here, _ := url.Parse(v.site.String())
	if err == nil && !strings.EqualFold(signed.Host, here.Host) {
		v.printf("note: the manifest was signed for %s, not %s (a copy or mirror?)", m.Site, v.site)
	}
}

func (v *verifier) report(m *manifest.Manifest, res *manifest.Result, pub sign.PublicKey) error {
	type finding struct{ path, line string }
	var all []finding
	add := func(kind string, paths []string) {
		for _, p := range paths {
			all = append(all, finding{p, kind + ": " + p})
		}
	}
	add("changed", res.Changed)
	add("added", res.Added)
	add("removed", res.Removed)
	add("unreadable", res.Unreadable)
	add("does not unpack to its file", res.BadCopies)
	slices.SortStableFunc(all, func(a, b finding) int { return strings.Compare(a.path, b.path) })
	for _, f := range all {
		v.printf("%s", f.line)
	}
	if v.site.Remote() && v.page == "" {
		v.printf("note: over the web only the listed files can be checked; a file added without being listed is not found.")
	}
	bad := len(res.Changed) + len(res.Added) + len(res.Removed)
	if bad > 0 {
		return v.fail("%d file(s) do not match the signed manifest (%d changed, %d added, %d removed; %d listed)",
			bad, len(res.Changed), len(res.Added), len(res.Removed), res.Checked)
	}
	if n := len(res.BadCopies); n > 0 {
		return v.fail("%d compressed copy(ies) (.gz or .br) do not unpack to the file beside them, so browsers that accept compression would read something else; "+
			"empty the build's compression cache (the folder disclose/precompress in your cache directory, ~/.cache on Linux) and build again", n)
	}
	if n := len(res.Unreadable); n > 0 {
		v.printf("INCOMPLETE: %d of %d listed files could not be read; the others match", n, res.Checked)
		return fmt.Errorf("verify: %d file(s) could not be read; try again later", n)
	}
	if v.page != "" {
		v.printf("OK: all %d files at /%s match the manifest signed by key ID %s", res.Checked, v.page, pub.ID())
		return nil
	}
	v.printf("OK: all %d files match the manifest signed by key ID %s; it lists %d update(s)", res.Checked, pub.ID(), len(m.Updates))
	return nil
}

// pagePath is the page given with -page as a slash path in the site:
// "incidents/x/2024-05-16-0900" for that path, with or without its
// slashes, or for its address on the site.
func pagePath(site *manifest.Site, arg string) (string, error) {
	p := arg
	if strings.HasPrefix(arg, "https://") || strings.HasPrefix(arg, "http://") {
		u, err := url.Parse(arg)
		if err != nil {
			return "", err
		}
		p = u.Path
		if site.Remote() {
			base, _ := url.Parse(site.String())
			rest, ok := strings.CutPrefix(u.Path, base.Path)
			if !strings.EqualFold(u.Host, base.Host) || !ok {
				return "", fmt.Errorf("%s is not an address on %s", arg, site)
			}
			p = rest
		}
	}
	p = strings.Trim(p, "/")
	if p == "" || path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, "\\") {
		return "", fmt.Errorf("%q is not the path of a page on the site; write it as in its address, like incidents/ransomware-2024/2024-05-16-0900/", arg)
	}
	return p, nil
}

// pageFiles are the files of m at p: the file itself and its .gz and .br
// copies, or every file in the folder p.
func pageFiles(m *manifest.Manifest, p string) []manifest.File {
	var out []manifest.File
	for _, f := range m.Files {
		if f.Path == p || f.Path == p+".gz" || f.Path == p+".br" || strings.HasPrefix(f.Path, p+"/") {
			out = append(out, f)
		}
	}
	return out
}
