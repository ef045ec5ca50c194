// Package content is the content model of a breach transparency site, as
// described in CONTENT-MODEL.md: the site's config, its incidents and their
// updates. It knows nothing of Hugo or feeds; every later step reads it.
package content

import (
	"time"

	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/public"
)

// Status is where an incident stands as of an update.
type Status string

// The status words, in order of an incident's life.
const (
	Investigating Status = "investigating"
	Identified    Status = "identified"
	Contained     Status = "contained"
	Notifying     Status = "notifying"
	Resolved      Status = "resolved"
)

// Statuses lists every status word in order of an incident's life.
var Statuses = []Status{Investigating, Identified, Contained, Notifying, Resolved}

// Rank is the status's place in an incident's life, from 0; -1 if unknown.
func (s Status) Rank() int {
	for i, t := range Statuses {
		if t == s {
			return i
		}
	}
	return -1
}

// Meaning is the status in plain words, as the public reads it.
func (s Status) Meaning() string {
	switch s {
	case Investigating:
		return "We know something happened and are finding out what."
	case Identified:
		return "We know what happened and what information is involved."
	case Contained:
		return "The attacker's access has been closed."
	case Notifying:
		return "We are contacting the people affected."
	case Resolved:
		return "No further updates are expected."
	}
	return ""
}

// Site is a whole site: its config and every incident, sorted by slug.
type Site struct {
	Dir       string // the site's directory on disk
	Config    *Config
	Incidents []*Incident
}

// Config is what an owner sets in config.toml.
type Config struct {
	File        string // "config.toml"
	BaseURL     string // always ends in "/"
	Title       string
	Locale      string // "en-AU"
	TimeZone    string
	Location    *time.Location
	DefaultLang string   // defaultContentLanguage, "en" unless set
	Languages   []string // the codes of the [languages] tables, sorted; none when there are none
	// Langs are the site's languages in the site's order, the default
	// language among them even when config.toml declares no languages.
	Langs         []Language
	Organisation  string
	KnownAs       string
	Jurisdictions []string
	FeedItems     int     // default 50
	Readability   float64 // params.readability_grade: the highest grade a paragraph may have; 0 means the default
	Contact       Contact
	WeWillNever   []string
	Support       []Support
	Security      Security
	Deployment    Deployment
	// Revisions are the dated notes of changes to the contact details,
	// the scam warning and the support services (params.revisions),
	// oldest first: readers see them beside the contact details.
	Revisions []Revision
	// Demo is params.demo: the site is a fictional example, so sample
	// contact details are allowed, and every page says it is fictional.
	Demo bool
	// Pos maps a dotted key ("params.contact.phone") to where it is written.
	Pos map[string]diag.Pos
	// refused holds the keys whose values the loader refused (and said so),
	// leaving them empty here.
	refused map[string]bool
}

// Refused reports whether the loader refused the value written at key (a
// line break in it, say) and has reported it: the value is empty here,
// but it was not left out.
func (c *Config) Refused(key string) bool { return c.refused[key] }

// Contact is how the public reaches the organisation, shown on every page.
type Contact struct {
	Phone          string `json:"phone,omitempty"`
	PhoneHours     string `json:"phone_hours,omitempty"`
	International  string `json:"international,omitempty"`
	Email          string `json:"email,omitempty"`
	Media          string `json:"media,omitempty"`
	Postal         string `json:"postal,omitempty"`
	PrivacyOfficer string `json:"privacy_officer,omitempty"`
}

// Support is an independent service that helps people affected.
type Support struct {
	Name  string
	URL   string
	Phone string
	About string
}

// Security is what /.well-known/security.txt says (params.security).
type Security struct {
	Contact  []string // mailto: or https: URIs; defaults to the contact email
	Expires  string   // RFC 3339 time, required by RFC 9116
	Policy   string
	Language string
}

// Deployment is the [deployment] block: where `disclose deploy` publishes.
type Deployment struct {
	URL string // s3://bucket?region=..., gs://, azblob://, file:///path
}

// PosOf returns where key is written in the config, or the file itself.
func (c *Config) PosOf(key string) diag.Pos {
	if p, ok := c.Pos[key]; ok {
		return p
	}
	return diag.Pos{File: c.File}
}

// Date is a calendar date, or a time where a date is allowed.
type Date struct {
	Time     time.Time // midnight in the site's zone when DateOnly
	DateOnly bool
}

// IsZero reports whether d was not given.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// Range is a span of dates, as in occurred or data_window. From may equal To.
type Range struct {
	From, To Date
	Note     string // occurred only: "found during the investigation in August 2019"
	// Key is where the range is written, for positions: "occurred",
	// "occurred[1]" or "facts.occurred[0]"; "" for data_window.
	Key string
}

// Affected is how many people are affected, as of when, and who. It holds
// either Count or a range, Min and Max (either may be left out: "at least",
// "up to"); 0 is not given. With none of them, the number is not known yet.
type Affected struct {
	Count    int64
	Min, Max int64
	AsOf     Date
	Estimate bool // the number (in a range, Max) is an estimate: "about"
	Who      string
}

// Known reports whether a's number of people has been given.
func (a *Affected) Known() bool { return a.Count > 0 || a.Min > 0 || a.Max > 0 }

// FactNames are the incident's facts that an update's facts: block may
// change, in the order the page shows them.
var FactNames = []string{"occurred", "affected", "data_involved", "data_possibly_involved", "data_not_involved", "never_known"}

// Facts are the facts of an incident as first told (the incident's front
// matter) or as an update changes them (its facts: block).
type Facts struct {
	Occurred             []Range
	Affected             *Affected
	DataInvolved         []string // known to have been taken or seen
	DataPossiblyInvolved []string // may have been; not confirmed
	DataNotInvolved      []string
	// NeverKnown is a sentence saying what may never be known and why:
	// "Experts tell us it is likely we will never know whether ...".
	NeverKnown string
	// Set names the facts written, in FactNames order (an update's block
	// changes these, and only these).
	Set []string
}

// Sets reports whether the facts name the fact name ("affected").
func (f *Facts) Sets(name string) bool {
	if f == nil {
		return false
	}
	for _, s := range f.Set {
		if s == name {
			return true
		}
	}
	return false
}

// Notification is a regulator or agency told about the breach.
type Notification struct {
	Body string
	Date Date
	URL  string
}

// Link is advice published elsewhere.
type Link struct {
	Title string
	URL   string
}

// Notice says whether the page is the legal notice and how long it stays up.
type Notice struct {
	Official     bool
	DisplayUntil Date
	// Mode is how this page serves the notice laws, as written:
	// "direct" (people are also told one by one), "substitute" (the page
	// stands in for notices that could not be sent) or "public" (a public
	// notice instead of telling each person); "" when not given.
	Mode   string
	Posted Date // when the notice was first posted on this site
}

// Incident is content/incidents/<slug>/_index.md and its updates.
type Incident struct {
	Slug            string
	File            string // slash path relative to the site: "content/incidents/<slug>/_index.md"
	Title           string
	Occurred        *Range // the first range of Facts.Occurred, or nil
	Discovered      time.Time
	DataWindow      *Range
	Affected        *Affected
	WhatToDo        []string // what_to_do: up to three things to do now, shown first
	DataInvolved    []string
	DataNotInvolved []string
	// Facts are the incident's facts as first told, every intrusion of
	// occurred among them; updates' facts: blocks change them (see
	// package facts for the current ones).
	Facts          Facts
	Notified       []Notification
	OfficialAdvice []Link
	Notice         *Notice
	Successor      string
	// Revisions are the dated notes of changes to the standing statement
	// or its facts after they were published, oldest first.
	Revisions []Revision
	Body      Body
	// Updates are every update of the incident in the default language,
	// drafts included, oldest first (by date, then file name).
	Updates []*Update
	// Translations maps a language code to the incident's translated file.
	Translations map[string]*Incident
	Lang         string
	Pos          map[string]diag.Pos
}

// Update is one dated update: content/incidents/<slug>/<YYYY-MM-DD>-<words>.md.
type Update struct {
	Incident  *Incident
	File      string // slash path relative to the site
	Lang      string // "" for the default language
	Title     string
	Date      time.Time // as written, with its own offset
	Status    Status
	Summary   string
	Draft     bool
	Revisions []Revision
	Withdrawn *Withdrawal
	// Facts is the update's facts: block, the incident's facts it
	// changes, or nil.
	Facts *Facts
	Body  Body
	// Translations maps a language code to the translated update.
	Translations map[string]*Update
	Pos          map[string]diag.Pos
}

// Revision is a change made to an update after it was published.
type Revision struct {
	Date time.Time
	Note string
}

// Withdrawal retracts a published update; its address stays with the note.
type Withdrawal struct {
	Date time.Time
	Note string
}

// Body is a file's Markdown after its front matter.
type Body struct {
	Source []byte
	Line   int // the 1-based line of the file where Source starts
	Offset int // the byte offset in the file where Source starts
}

// PosOf returns where the field key (dotted: "affected.count") is written.
func (i *Incident) PosOf(key string) diag.Pos {
	return posOf(i.Pos, i.File, key)
}

// PosOf returns where the field key (dotted: "revisions[1].date") is written.
func (u *Update) PosOf(key string) diag.Pos {
	return posOf(u.Pos, u.File, key)
}

func posOf(m map[string]diag.Pos, file, key string) diag.Pos {
	if p, ok := m[key]; ok {
		return p
	}
	if p, ok := m[""]; ok { // the front matter's first line
		return p
	}
	return diag.Pos{File: file, Line: 1, Col: 1}
}

// Published lists the updates the public sees, oldest first: not drafts.
func (i *Incident) Published() []*Update {
	var out []*Update
	for _, u := range i.Updates {
		if !u.Draft {
			out = append(out, u)
		}
	}
	return out
}

// Status is the status of the newest published update, or "" if none.
func (i *Incident) Status() Status {
	p := i.Published()
	if len(p) == 0 {
		return ""
	}
	return p[len(p)-1].Status
}

// Path is the incident's address below the site root: "incidents/<slug>/".
func (i *Incident) Path() string { return public.Incident(i.Slug) }

// Path is the update's permanent address below the site root:
// "incidents/<slug>/2024-05-16-0900/". It comes from the incident's slug
// and the update's date as written, so renaming or reordering files never
// moves it (and two updates of one incident may not share a time).
func (u *Update) Path() string {
	return public.Update(u.Incident.Slug, u.Date)
}

// Updated is the update's newest revision time, else its date.
func (u *Update) Updated() time.Time {
	if n := len(u.Revisions); n > 0 {
		return u.Revisions[n-1].Date
	}
	return u.Date
}

// AllPublished lists every published update of the site, newest first
// (by date, then incident slug, then file name).
func (s *Site) AllPublished() []*Update {
	var out []*Update
	for _, i := range s.Incidents {
		out = append(out, i.Published()...)
	}
	sortNewestFirst(out)
	return out
}

// URL is the absolute URL of a path below the site root.
func (s *Site) URL(path string) string { return s.Config.BaseURL + path }
