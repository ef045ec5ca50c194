package check_test

import (
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// now is when the test sites are checked: after every date in them.
var configText = sitetest.Config

var now = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// base is a small site that checks clean; each case changes one thing.
const base = `
-- content/incidents/x/_index.md --
---
title: Cyber security incident
discovered: 2024-05-06T10:00:00+10:00
occurred:
  from: 2024-05-01
  to: 2024-05-06
data_involved:
  - names
  - dates of birth
affected:
  count: 1200
  as_of: 2024-07-01
---

## What happened

Someone broke into one of our computer systems on 1 May 2024.
We found out on 6 May.

## What information was involved

Names and dates of birth.

## What we are doing

We shut the system down. We are working with experts.

## What you can do

Be careful of messages that ask for your details.

## For more information

Call us on 1800 000 000.
-- content/incidents/x/2024-05-08-first.md --
---
title: We are looking into a cyber security incident
date: 2024-05-08T17:30:00+10:00
status: investigating
---

Someone broke into one of our systems. We shut it down.
-- content/incidents/x/2024-05-20-second.md --
---
title: What we know
date: 2024-05-20T09:00:00+10:00
status: identified
---

We now know what information was taken.
Read our [first update](/incidents/x/2024-05-08-1730/) for what we did first.
`

// run writes base with files laid over it and checks it.
func run(t *testing.T, files string) diag.List {
	t.Helper()
	dir := sitetest.Write(t, base)
	sitetest.WriteInto(t, dir, files)
	_, diags := check.CheckSite(dir, now)
	return diags
}

func TestBaseSiteIsClean(t *testing.T) {
	if d := run(t, ""); len(d) > 0 {
		t.Fatalf("the base site should check clean, got:\n%v", d.Error())
	}
}
