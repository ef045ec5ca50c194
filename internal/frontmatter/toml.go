package frontmatter

func parseTOML(fm []byte, pos *positioner, base int) (*Node, error) {
	line, _ := pos.at(base)
	return nil, &SyntaxError{Line: line, Msg: "front matter: TOML is not supported yet"}
}
