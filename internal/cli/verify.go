package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
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
	fs := newFlagSet("verify", "verify DIR_OR_URL [--key FILE_OR_STRING] [-state FILE] [-since MANIFEST_OR_URL]",
		"disclose verify https://updates.example-health.org/ --key RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\ndisclose verify public --key disclose.pub", stderr)
	keyArg := fs.String("key", "", "the site's public key: a .pub file, its contents, or the key itself\n(default: the site's own /"+public.PublicKey+", which proves less)")
	stateFile := fs.String("state", "", "remember the newest build checked of each site in `FILE`, and refuse an older one\n(default: disclose/verify-state.json in your config directory)")
	since := fs.String("since", "", "refuse a copy older than this saved manifest (a `MANIFEST_OR_URL`: a "+public.Manifest+", its folder, or an address)")
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
	if *since != "" {
		if v.since, err = manifest.Load(ctx, *since); err != nil {
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
	m, err := manifest.Parse(raw)
	if err != nil {
		v.printf("%s: %v", manifest.Name, err)
		return v.fail("the signed manifest cannot be read")
	}
	v.noteSite(m)
	state := &manifest.State{Sites: map[string]manifest.Seen{}}
	if v.stateFile != "" { // deploy's check of its own build remembers nothing
		if state, err = manifest.LoadState(v.stateFile); err != nil {
			return fmt.Errorf("verify: %w", err)
		}
	}
	if err := v.fresh(m, state); err != nil {
		return err
	}
	res, err := v.site.Check(ctx, m)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if err := v.report(m, res, pub); err != nil {
		return err
	}
	if v.stateFile == "" {
		return nil
	}
	state.Remember(m, time.Now())
	if err := state.Save(v.stateFile); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	return nil
}

// fresh refuses a copy older than one checked before, or than the saved
// manifest given with -since: a genuine signature on an old build is
// how a correction is quietly undone.
func (v *verifier) fresh(m *manifest.Manifest, state *manifest.State) error {
	v.printf("build: number %d, newest statement %s", m.Sequence, orNone(m.Newest))
	if seen, ok := state.Sites[m.Site]; ok {
		if older, missing := manifest.Older(m, seen); older {
			v.printf("remembered in %s: build %d of %s, checked %s", v.stateFile, seen.Sequence, m.Site, seen.Checked)
			return v.fail("this copy is older than one you checked on %s: it is missing %d statement(s) (this is build %d, you saw build %d, newest statement %s)",
				day(seen.Checked), missing, m.Sequence, seen.Sequence, orNone(seen.Newest))
		}
		if m.Sequence == seen.Sequence && m.Sequence > 0 {
			if missing := manifest.Missing(m, seen); missing > 0 {
				return v.fail("this copy says it is build %d, as the one you checked on %s, but %d of that build's statement(s) are not in it: two different builds were signed under one number; ask the organisation which is theirs",
					m.Sequence, day(seen.Checked), missing)
			}
		}
	}
	if v.since != nil {
		seen := manifest.SeenOf(v.since, time.Time{})
		if older, missing := manifest.Older(m, seen); older {
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
	if v.site.Remote() {
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
	v.printf("OK: all %d files match the manifest signed by key ID %s; it lists %d update(s)", res.Checked, pub.ID(), len(m.Updates))
	return nil
}
