package sign

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFindSecret: every kind of secret key is found, whatever comment is
// above it and wherever it stands in a file; public keys and signatures
// are not.
func TestFindSecret(t *testing.T) {
	sk, pk := newKey(t)
	dir := t.TempDir()
	stock := map[string]string{}
	if bin, err := exec.LookPath("minisign"); err == nil {
		if out, err := run(t, dir, bin, "-G", "-W", "-p", "w.pub", "-s", "w.key"); err != nil {
			t.Fatalf("minisign -G -W: %v\n%s", err, out)
		}
		stock["minisign -G -W (not encrypted)"] = string(must(os.ReadFile(filepath.Join(dir, "w.key"))))
		stock["minisign's public key"] = ""
		cmd := exec.Command(bin, "-G", "-p", "e.pub", "-s", "e.key")
		cmd.Dir, cmd.Stdin = dir, strings.NewReader("a long passphrase\na long passphrase\n")
		if out, err := cmd.CombinedOutput(); err == nil {
			stock["minisign -G (encrypted)"] = string(must(os.ReadFile(filepath.Join(dir, "e.key"))))
		} else {
			t.Logf("minisign -G with a password from stdin: %v\n%s", err, out)
		}
	} else {
		t.Log("minisign is not installed (Debian package minisign): only disclose's own keys are tried")
	}
	secret := string(sk.MarshalText())
	line := strings.Split(secret, "\n")[1]
	tests := []struct {
		name, text string
		found      bool
	}{
		{"disclose keygen", secret, true},
		{"only the key line", line, true},
		{"renamed comment", "untrusted comment: holiday photos\n" + line + "\n", true},
		{"pasted into a page", "<p>Our key:</p>\n<pre>" + line + "</pre>\n", true},
		{"CRLF", strings.ReplaceAll(secret, "\n", "\r\n"), true},
		{"OpenSSH", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n", true},
		{"PEM", "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----\n", true},
		{"public key", string(pk.MarshalText()), false},
		{"signature", string(Sign(sk, manifestText)), false},
		{"a page", "<p>Call 1800 000 000.</p>\n", false},
	}
	for name, text := range stock {
		if text == "" {
			tests = append(tests, struct {
				name, text string
				found      bool
			}{name, string(must(os.ReadFile(filepath.Join(dir, "w.pub")))), false})
			continue
		}
		tests = append(tests, struct {
			name, text string
			found      bool
		}{name, text, true})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			what, found := FindSecret([]byte(tt.text))
			if found != tt.found {
				t.Errorf("FindSecret = %q, %v; want found %v", what, found, tt.found)
			}
		})
	}
}

// TestLoadSecretRefusesAKeyOthersCanRead: a key file anyone can read is
// refused, naming the file and the chmod that fixes it.
func TestLoadSecretRefusesAKeyOthersCanRead(t *testing.T) {
	sk, _ := newKey(t)
	for _, tt := range []struct {
		mode os.FileMode
		ok   bool
	}{{0o600, true}, {0o400, true}, {0o640, false}, {0o644, false}, {0o666, false}} {
		p := filepath.Join(t.TempDir(), "disclose.key")
		os.WriteFile(p, sk.MarshalText(), 0o600)
		os.Chmod(p, tt.mode)
		_, err := LoadSecret(p)
		if tt.ok && err != nil {
			t.Errorf("mode %04o: %v", tt.mode, err)
		}
		if !tt.ok && (err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "chmod 600 "+p)) {
			t.Errorf("mode %04o: err = %v, want the file named and chmod 600", tt.mode, err)
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
