// Package disclose holds the files of this repository that are built into
// the program. The theme is the repository's layouts/, i18n/ (the theme's
// words in each language) and static/ folders, so that a site needs only
// its config.toml and content/: a site's own layouts/, i18n/ or static/
// file of the same name overrides the theme's (see internal/hugo), and
// `disclose theme export` writes the theme out for a site that wants to
// change it.
package disclose

import "embed"

// Theme is the built-in theme: layouts/ (with layouts/_partials/, which
// go:embed would otherwise leave out for its leading underscore), i18n/
// and static/, at the paths they have in the repository.
//
//go:embed layouts layouts/_partials i18n static
var Theme embed.FS

// Workflow is the repository's own publishing workflow, from which
// `disclose init` writes a new site's (internal/cli).
//
//go:embed .github/workflows/publish.yml
var Workflow []byte
