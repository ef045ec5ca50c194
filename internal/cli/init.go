package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	root "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/scaffold"
	"github.com/disclose-dev/disclose/internal/sign"
)

func init() {
	register(command{"init", "make a new site: its settings, the first incident and a holding statement to complete", runInit})
}

// stdin is where init reads its answers; isTerminal says whether a person
// is there to type them. Tests replace both.
var (
	stdin      io.Reader = os.Stdin
	isTerminal           = func() bool { return isatty.IsTerminal(os.Stdin.Fd()) || isatty.IsCygwinTerminal(os.Stdin.Fd()) }
)

// question is one thing init asks, by flag name.
type question struct {
	flag, ask string
	value     *string
	check     func(string) error // nil: any answer, or none
}

func runInit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("init", "init [flags] [DIR]",
		"disclose init my-site\ndisclose init -org \"Example Health Pty Ltd\" -known-as \"Example Health\" -url https://updates.example-health.org/ \\\n  -tz Australia/Sydney -jurisdictions au -phone \"1800 000 000\" -hours \"8 am to 8 pm, 7 days\" \\\n  -email incident@example-health.org -key ~/keys/example-health.key my-site", stderr)
	var a scaffold.Answers
	var juris, key string
	zone := machineZone()
	fs.StringVar(&a.Organisation, "org", "", "the organisation's legal name")
	fs.StringVar(&a.KnownAs, "known-as", "", "the name people know it by, if another")
	fs.StringVar(&a.BaseURL, "url", "", "the site's public address, https://...")
	fs.StringVar(&a.TimeZone, "tz", zone, "the time zone every time is shown in, an IANA name")
	fs.StringVar(&juris, "jurisdictions", "", "the notice laws to check against, separated by commas: au, nz, gdpr, us-ca, hipaa")
	fs.StringVar(&a.Phone, "phone", "", "the helpline's number")
	fs.StringVar(&a.PhoneHours, "hours", "", "when the helpline is answered")
	fs.StringVar(&a.Email, "email", "", "the address people write to")
	fs.StringVar(&a.Media, "media", "", "the address for journalists")
	fs.StringVar(&key, "key", "", "make the key that signs the site at this `FILE`, outside the site's folder")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	dir, err := siteDirArg("init", rest)
	if err != nil {
		return err
	}
	for _, f := range []string{content.ConfigFile, "content"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return &FailedError{Msg: (&scaffold.SiteExistsError{Dir: dir, File: f}).Error()}
		}
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	questions := []question{
		{"org", "The organisation's legal name", &a.Organisation, nil},
		{"known-as", "The name people know it by (Enter if the same)", &a.KnownAs, nil},
		{"url", "The site's address, like https://updates.your-organisation.org/", &a.BaseURL, checkURL},
		{"tz", "The time zone, like Australia/Sydney", &a.TimeZone, checkZone},
		{"jurisdictions", "The notice laws that apply: au, nz, gdpr, us-ca, hipaa (commas between)", &juris, nil},
		{"phone", "The helpline's number", &a.Phone, nil},
		{"hours", "When the helpline is answered, like 8 am to 8 pm, 7 days", &a.PhoneHours, nil},
		{"email", "The email address people write to", &a.Email, nil},
		{"media", "The email address for journalists (Enter for none)", &a.Media, nil},
		{"key", "Where to make the signing key, outside the site's folder (- for not now)", &key, nil},
	}
	if isTerminal() {
		if key == "" && !given["key"] {
			key = defaultKeyFile(dir)
		}
		if err := ask(ctx, questions, given, stdout); err != nil {
			return err
		}
	}
	if err := checkZone(a.TimeZone); err != nil {
		return fmt.Errorf("%w: -tz: %v", ErrUsage, err)
	}
	if key == "-" {
		key = ""
	}
	for _, j := range strings.Split(juris, ",") {
		if j = strings.ToLower(strings.TrimSpace(j)); j != "" {
			a.Jurisdictions = append(a.Jurisdictions, j)
		}
	}
	sampled := fillSamples(&a)
	if key != "" {
		if err := keyOutsideSite(key, dir); err != nil {
			return err
		}
	}
	written, err := scaffold.Site(dir, a, now(), siteWorkflow())
	if err != nil {
		var se *scaffold.SiteExistsError
		if errors.As(err, &se) {
			return &FailedError{Msg: err.Error()}
		}
		return newError(err, stderr)
	}
	fmt.Fprintf(stdout, "Made a new site in %s:\n", shownDir(dir))
	for _, f := range written {
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	var keyID string
	if key != "" {
		pub := filepath.Join(dir, "static", ".well-known", "disclose.pub")
		if err := os.MkdirAll(filepath.Dir(pub), 0o755); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		if err := os.MkdirAll(filepath.Dir(key), 0o700); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		pk, err := sign.Keygen(key, pub)
		if err != nil {
			return err
		}
		keyID = pk.ID()
		fmt.Fprintf(stdout, "  static/%s (the public key, ID %s)\n", public.PublicKey, keyID)
	}
	printInitSteps(stdout, dir, written, sampled, key, keyID)
	return nil
}

// ask asks each question not answered by a flag, showing the default.
func ask(ctx context.Context, qs []question, given map[string]bool, w io.Writer) error {
	in := bufio.NewScanner(stdin)
	for _, q := range qs {
		if given[q.flag] {
			continue
		}
		for {
			if *q.value != "" {
				fmt.Fprintf(w, "%s [%s]: ", q.ask, *q.value)
			} else {
				fmt.Fprintf(w, "%s: ", q.ask)
			}
			if !in.Scan() {
				fmt.Fprintln(w)
				return fmt.Errorf("init: stopped before every question was answered; nothing was written")
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			ans := expandHome(strings.TrimSpace(in.Text()))
			if ans == "" {
				break // the default, or nothing
			}
			if q.check != nil {
				if err := q.check(ans); err != nil {
					fmt.Fprintf(w, "  %v\n", err)
					continue
				}
			}
			*q.value = ans
			break
		}
	}
	return nil
}

// fillSamples gives every needed answer still empty the sample value
// that build refuses, and lists what it filled.
func fillSamples(a *scaffold.Answers) []string {
	var filled []string
	for _, f := range []struct {
		name   string
		v      *string
		sample string
	}{
		{"the legal name", &a.Organisation, scaffold.Placeholders.Organisation},
		{"the address", &a.BaseURL, scaffold.Placeholders.BaseURL},
		{"the helpline", &a.Phone, scaffold.Placeholders.Phone},
		{"the email address", &a.Email, scaffold.Placeholders.Email},
	} {
		if *f.v == "" {
			*f.v = f.sample
			filled = append(filled, fmt.Sprintf("%s (%s)", f.name, f.sample))
		}
	}
	return filled
}

func checkURL(s string) error {
	if !strings.HasPrefix(s, "https://") {
		return fmt.Errorf("the address must start with https://, like https://updates.your-organisation.org/")
	}
	return nil
}

func checkZone(s string) error {
	if _, err := time.LoadLocation(s); err != nil || s == "" || s == "Local" {
		return fmt.Errorf("%q is not a time zone; write an IANA name such as Australia/Sydney, Pacific/Auckland, Europe/London or America/New_York", s)
	}
	return nil
}

// machineZone is this computer's IANA time zone, or UTC when it cannot
// be told.
func machineZone() string {
	if tz := os.Getenv("TZ"); tz != "" && checkZone(strings.TrimPrefix(tz, ":")) == nil {
		return strings.TrimPrefix(tz, ":")
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		if tz := strings.TrimSpace(string(b)); checkZone(tz) == nil {
			return tz
		}
	}
	if l, err := os.Readlink("/etc/localtime"); err == nil {
		if _, tz, ok := strings.Cut(l, "zoneinfo/"); ok && checkZone(tz) == nil {
			return tz
		}
	}
	return "UTC"
}

// expandHome turns a leading ~/ into the home folder, as a shell would.
func expandHome(s string) string {
	if rest, ok := strings.CutPrefix(s, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return s
}

// defaultKeyFile is where init offers to make the signing key: beside the
// site's folder, never in it.
func defaultKeyFile(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return filepath.Join(filepath.Dir(abs), filepath.Base(abs)+"-signing.key")
}

// siteWorkflow is the repository's publishing workflow made for a site of
// its own: it installs this version of disclose and runs it.
func siteWorkflow() []byte {
	w := string(root.Workflow)
	install := fmt.Sprintf("go-version: %q\n      - name: Install disclose\n        run: go install %s/cmd/disclose@%s\n",
		strings.TrimPrefix(runtime.Version(), "go"), modulePath, installVersion())
	w = strings.ReplaceAll(w, "go-version-file: go.mod\n", install)
	w = strings.ReplaceAll(w, "go run ./cmd/disclose ", "disclose ")
	return []byte(w)
}

// shownDir is dir as the writer named it, -C included.
func shownDir(dir string) string {
	if siteC != "" {
		return filepath.Join(siteC, dir)
	}
	return dir
}

// fromHere is path, given to a command run with -C, as seen from where
// the writer typed the command.
func fromHere(path string) string {
	if siteC == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(siteC, path)
}

// siteCmd is the command line for sub on the site in dir, as the writer
// types it from where they are now.
func siteCmd(dir, sub string) string {
	d := shownDir(dir)
	if filepath.Clean(d) == "." {
		return "disclose " + sub
	}
	return "disclose -C " + quoteArg(d) + " " + sub
}

func printInitSteps(w io.Writer, dir string, written, sampled []string, key, keyID string) {
	holding, incident := written[len(written)-1], written[len(written)-2]
	fmt.Fprintln(w, "\nNext:")
	fmt.Fprintf(w, "  1. Write the holding statement, %s,\n", filepath.Join(shownDir(dir), filepath.FromSlash(holding)))
	fmt.Fprintf(w, "     and the incident's, %s:\n", filepath.Join(shownDir(dir), filepath.FromSlash(incident)))
	fmt.Fprintln(w, "     replace each paragraph that starts \"Say what\" with what people need to know.")
	fmt.Fprintf(w, "  2. Preview it: run '%s' and open http://localhost:1313/\n", siteCmd(dir, "serve"))
	fmt.Fprintf(w, "  3. Check it, then publish it: run '%s', then '%s'.\n", siteCmd(dir, "check"), siteCmd(dir, "build"))
	if len(sampled) > 0 {
		fmt.Fprintf(w, "\nconfig.toml holds sample values for %s:\n", strings.Join(sampled, ", "))
		fmt.Fprintln(w, "put in the real ones; 'disclose build' refuses a site with sample values.")
	}
	if key != "" {
		fmt.Fprintf(w, "\nThe signing key is %s (key ID %s). Keep it out of the site's folder and its repository.\n", key, keyID)
		fmt.Fprintf(w, "For the publishing workflow, store its contents as the repository secret %s,\n", sign.SecretKeyEnv)
		fmt.Fprintln(w, "keep an offline copy somewhere safe, and then delete the file from this computer.")
		if abs, err := filepath.Abs(key); err == nil {
			key = abs
		}
		fmt.Fprintf(w, "To sign a build on this computer: %s\n", siteCmd(dir, "build -key "+quoteArg(key)))
	} else {
		fmt.Fprintf(w, "\nThe site is not signed yet; make its key outside this folder with 'disclose keygen -secret ~/keys/disclose.key -public %s'.\n",
			filepath.Join(shownDir(dir), "static", ".well-known", "disclose.pub"))
	}
}
