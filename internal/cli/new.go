package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/disclose-dev/disclose/internal/scaffold"
)

func init() {
	register(command{"new", "start a new update or incident as a draft file", runNew})
}

// now is the clock `new` dates files with; tests replace it.
var now = time.Now

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("new", "new update INCIDENT \"Title\" | new incident INCIDENT \"Title\" [-C SITE_DIR]",
		"disclose new update prescription-data-2024 \"Letters are on their way\"\ndisclose new incident phishing-2025 \"Staff email account accessed\"", stderr)
	dir := fs.String("C", ".", "the site's `directory`")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 3 || (args[0] != "update" && args[0] != "incident") {
		fs.Usage()
		return fmt.Errorf("%w: new takes update or incident, the incident's folder name and a title in quotes", ErrUsage)
	}
	if err := needSite("new", *dir); err != nil {
		return err
	}
	kind, slug, title := args[0], args[1], args[2]
	var file string
	if kind == "update" {
		file, err = scaffold.Update(*dir, slug, title, now())
	} else {
		if !scaffold.ValidSlug(slug) {
			like := scaffold.Slugify(slug, 0)
			if like == "" {
				like = "cyber-incident-" + now().Format("2006")
			}
			return fmt.Errorf("%w: %q cannot be an incident's folder name and address; use lower case letters, digits and hyphens, like %q",
				ErrUsage, slug, like)
		}
		file, err = scaffold.Incident(*dir, slug, title, now())
	}
	if err != nil {
		return newError(err, stderr)
	}
	shown := filepath.Join(shownDir(*dir), filepath.FromSlash(file))
	if kind == "update" {
		printUpdateSteps(stdout, shown, *dir)
	} else {
		printIncidentSteps(stdout, shown, *dir, slug)
	}
	return nil
}

// newError maps what the scaffold refused to the exit codes: a file that
// exists or an incident that does not is the writer's to fix (exit 1).
func newError(err error, stderr io.Writer) error {
	var ce *scaffold.ConfigError
	var ue *scaffold.UnknownIncidentError
	switch {
	case errors.As(err, &ce):
		ce.Diags.Print(stderr)
		return &ContentError{Diags: ce.Diags}
	case errors.Is(err, scaffold.ErrExists), errors.As(err, &ue):
		return &FailedError{Msg: err.Error()}
	}
	return err
}

func printUpdateSteps(w io.Writer, file, dir string) {
	fmt.Fprintf(w, "Wrote %s\n\n", file)
	fmt.Fprintln(w, "Next:")
	fmt.Fprintln(w, "  1. Edit it: replace the prompts with what people need to know.")
	fmt.Fprintf(w, "  2. Preview it: run '%s' and open http://localhost:1313/\n", siteCmd(dir, "serve"))
	fmt.Fprintln(w, "     (drafts show there with a DRAFT banner; they are never published).")
	fmt.Fprintf(w, "  3. Publish it: remove the line 'draft: true', then run '%s' and '%s'.\n", siteCmd(dir, "check"), siteCmd(dir, "build"))
}

func printIncidentSteps(w io.Writer, file, dir, slug string) {
	fmt.Fprintf(w, "Wrote %s\n\n", file)
	fmt.Fprintln(w, "Next:")
	fmt.Fprintln(w, "  1. Edit it: replace the prompts under each heading, and fill in the")
	fmt.Fprintln(w, "     fields at the top that start with #.")
	fmt.Fprintf(w, "  2. Write the first update: %s\n", siteCmd(dir, "new update "+slug+" \"First statement\""))
	fmt.Fprintf(w, "  3. Preview both: run '%s' and open http://localhost:1313/\n", siteCmd(dir, "serve"))
	fmt.Fprintf(w, "  4. Run '%s': it says what the notice laws for this site still ask for.\n", siteCmd(dir, "check"))
}
