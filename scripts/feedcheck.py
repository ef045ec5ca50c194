#!/usr/bin/python3
"""feedcheck: read a built site's feeds back with a feed client that is not ours.

Usage: feedcheck.py DIR

Every directory under DIR that holds feed.xml, atom.xml or feed.json must
hold all three. RSS and Atom are parsed with Debian's python3-feedparser
(apt-get install python3-feedparser) and must parse cleanly (bozo == 0);
JSON Feed is read with the json module. The three formats of each feed must
carry the same entries in the same order: same ids, same titles, same
published times, and (Atom and JSON) the same updated times. Every entry
needs an id, a title, a link, content and a published time.

Exit status: 0 all good, 1 a feed is wrong, 2 usage or a missing module.
"""

import calendar
import datetime
import json
import os
import sys

try:
    import feedparser
except ImportError:
    print("feedcheck: python3-feedparser is not installed: apt-get install python3-feedparser", file=sys.stderr)
    sys.exit(2)

FILES = ("feed.xml", "atom.xml", "feed.json")


class Entry:
    def __init__(self, id, title, link, content, published, updated):
        self.id, self.title, self.link, self.content = id, title, link, content
        self.published, self.updated = published, updated  # Unix seconds or None


def struct_seconds(st):
    return None if st is None else calendar.timegm(st)


def iso_seconds(s):
    if not s:
        return None
    try:
        return int(datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def read_xml(path, problems):
    d = feedparser.parse(path)
    if d.bozo:
        problems.append("does not parse cleanly (bozo): %s" % d.get("bozo_exception"))
    if not d.feed.get("title"):
        problems.append("the feed has no title")
    entries = []
    for e in d.entries:
        content = e.get("content", [{}])[0].get("value", "")
        entries.append(Entry(e.get("id", ""), e.get("title", ""), e.get("link", ""), content,
                             struct_seconds(e.get("published_parsed")), struct_seconds(e.get("updated_parsed"))))
    return d.version, [l.get("href", "") for l in d.feed.get("links", []) if l.get("rel") == "self"], entries


def read_json(path, problems):
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    except (OSError, ValueError) as err:
        problems.append("is not JSON: %s" % err)
        return None, [], []
    if d.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("version %r, want https://jsonfeed.org/version/1.1" % d.get("version"))
    if not d.get("title"):
        problems.append("the feed has no title")
    entries = []
    for it in d.get("items", []):
        entries.append(Entry(it.get("id", ""), it.get("title", ""), it.get("url", ""), it.get("content_html", ""),
                             iso_seconds(it.get("date_published")), iso_seconds(it.get("date_modified"))))
    return d.get("version"), [d.get("feed_url", "")], entries


def check_dir(root, rel, report):
    """Checks the three feeds in root/rel; returns the number of entries read."""
    read = {}
    for name in FILES:
        path = os.path.join(root, rel, name)
        shown = os.path.join(rel, name) if rel else name
        problems = []
        if not os.path.exists(path):
            report(shown, ["missing: every feed comes as feed.xml, atom.xml and feed.json"])
            continue
        version, selves, entries = (read_json if name.endswith(".json") else read_xml)(path, problems)
        want = {"feed.xml": "rss20", "atom.xml": "atom10"}.get(name)
        if want and version != want:
            problems.append("read as %r, want %s" % (version, want))
        if not any(s.endswith("/" + shown.replace(os.sep, "/")) for s in selves):
            problems.append("no self link ending in /%s (found %s)" % (shown, selves))
        for k, e in enumerate(entries, 1):
            for field in ("id", "title", "link", "content", "published"):
                if not getattr(e, field):
                    problems.append("entry %d (%s): no %s" % (k, e.id or "no id", field))
            if name != "feed.xml" and not e.updated:
                problems.append("entry %d (%s): no updated time" % (k, e.id))
        report(shown, problems)
        read[name] = entries
    if len(read) == len(FILES):
        rss, atom, jf = (read[n] for n in FILES)
        shown = rel or "."
        problems = []
        if not len(rss) == len(atom) == len(jf):
            problems.append("entry counts differ: feed.xml %d, atom.xml %d, feed.json %d" % (len(rss), len(atom), len(jf)))
        for k, (r, a, j) in enumerate(zip(rss, atom, jf), 1):
            for field in ("id", "title", "link", "published"):
                vals = [getattr(r, field), getattr(a, field), getattr(j, field)]
                if len(set(vals)) != 1:
                    problems.append("entry %d: %s differs: feed.xml %r, atom.xml %r, feed.json %r" % (k, field, *vals))
            if a.updated != j.updated:
                problems.append("entry %d: updated differs: atom.xml %r, feed.json %r" % (k, a.updated, j.updated))
            if a.updated and a.published and a.updated < a.published:
                problems.append("entry %d (%s): updated before it was published" % (k, a.id))
        ids = [e.id for e in atom]
        if len(set(ids)) != len(ids):
            problems.append("an id appears twice: %s" % sorted(i for i in set(ids) if ids.count(i) > 1))
        report(shown + " (across formats)", problems)
    return sum(len(v) for v in read.values())


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print("usage: feedcheck.py DIR   (DIR: a built site, e.g. public/)", file=sys.stderr)
        return 2
    root = argv[1]
    dirs = []
    for d, subdirs, files in os.walk(root):
        subdirs.sort()
        if any(f in FILES for f in files):
            dirs.append(os.path.relpath(d, root) if d != root else "")
    failed = []

    def report(what, problems):
        for p in problems:
            print("feedcheck: %s: %s" % (what, p), file=sys.stderr)
        if problems:
            failed.append(what)

    entries = sum(check_dir(root, rel, report) for rel in dirs)
    print("feedcheck: %d feeds, %d entries, %d failed" % (len(dirs) * len(FILES), entries, len(failed)))
    if not dirs:
        print("feedcheck: no feeds under %s" % root, file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
