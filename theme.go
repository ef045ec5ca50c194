// Package disclose holds the theme built into the program: the
// repository's layouts/ and static/ folders, embedded at build time, so
// that a site needs only its config.toml and content/. A site's own
// layouts/ or static/ file of the same name overrides the theme's (see
// internal/hugo), and `disclose theme export DIR` writes the theme out for
// a site that wants to change it.
package disclose

import "embed"

// Theme is the built-in theme: layouts/ (with layouts/_partials/, which
// go:embed would otherwise leave out for its leading underscore) and
// static/, at the paths they have in the repository.
//
//go:embed layouts layouts/_partials static
var Theme embed.FS
