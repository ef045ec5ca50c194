package sign

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/scrypt"
)

var manifestText = []byte("{\n  \"version\": 1,\n  \"site\": \"https://updates.example-health.org/\"\n}\n")

func newKey(t *testing.T) (*SecretKey, PublicKey) {
	t.Helper()
	sk, pk, err := GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return sk, pk
}

func TestSignVerify(t *testing.T) {
	sk, pk := newKey(t)
	_, otherPub := newKey(t)
	sig := Sign(sk, manifestText)

	comment, err := Verify(pk, manifestText, sig)
	if err != nil {
		t.Fatalf("Verify of a fresh signature: %v", err)
	}
	if want := TrustedComment(manifestText); comment != want {
		t.Errorf("trusted comment = %q, want %q", comment, want)
	}

	tamperedComment := bytes.Replace(sig, []byte("trusted comment: disclose"), []byte("trusted comment: Disclose"), 1)
	tests := []struct {
		name    string
		pub     PublicKey
		msg     []byte
		sig     []byte
		wantErr string
	}{
		{"one byte of the message changed", pk, bytes.Replace(manifestText, []byte("1"), []byte("2"), 1), sig,
			"signature does not match the key: the manifest was changed or signed by another key"},
		{"another key", otherPub, manifestText, sig,
			"signature does not match the key: it was made by key ID " + pk.ID() + ", not by key ID " + otherPub.ID()},
		{"trusted comment changed", pk, manifestText, tamperedComment,
			"signature does not match the key: its trusted comment was changed after signing"},
		{"not a signature", pk, manifestText, []byte("<html>not found</html>\n"),
			"signature file is damaged or not a minisign signature"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Verify(tt.pub, tt.msg, tt.sig)
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Fatalf("Verify error = %v, want it to start %q", err, tt.wantErr)
			}
		})
	}
	if _, err := Verify(pk, manifestText[1:], sig); !errors.Is(err, ErrSignatureMismatch) {
		t.Errorf("changed message: error %v is not ErrSignatureMismatch", err)
	}
}

func TestSignIsDeterministic(t *testing.T) {
	sk, _ := newKey(t)
	reloaded, err := ParseSecretKey(sk.MarshalText(), "")
	if err != nil {
		t.Fatal(err)
	}
	a, b := Sign(sk, manifestText), Sign(reloaded, manifestText)
	if !bytes.Equal(a, b) {
		t.Fatalf("two signatures of the same manifest differ:\n%s\n%s", a, b)
	}
	if bytes.Contains(a, []byte("timestamp")) {
		t.Errorf("signature carries a timestamp:\n%s", a)
	}
}

func TestSecretKeyText(t *testing.T) {
	sk, pk := newKey(t)
	text := sk.MarshalText()
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	tests := []struct {
		name string
		text string
	}{
		{"file", string(text)},
		{"CRLF file", strings.ReplaceAll(string(text), "\n", "\r\n")},
		{"key line only", lines[1]},
		{"with blank lines around", "\n\n" + string(text) + "\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSecretKey([]byte(tt.text), "")
			if err != nil {
				t.Fatal(err)
			}
			if !got.Public().Equal(pk) {
				t.Errorf("public key of the parsed secret key differs")
			}
		})
	}

	t.Run("damaged key", func(t *testing.T) {
		b := []byte(lines[1])
		// Character 100 encodes a byte inside the Ed25519 key, so the
		// checksum no longer matches.
		if b[100] == 'A' {
			b[100] = 'B'
		} else {
			b[100] = 'A'
		}
		if _, err := ParseSecretKey(b, ""); err == nil || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("damaged key: error %v, want one saying it is damaged", err)
		}
	})
	t.Run("public key given as secret key", func(t *testing.T) {
		if _, err := ParseSecretKey(pk.MarshalText(), ""); err == nil {
			t.Error("a public key was accepted as a secret key")
		}
	})
}

func TestParsePublicKey(t *testing.T) {
	_, pk := newKey(t)
	file := filepath.Join(t.TempDir(), "disclose.pub")
	if err := os.WriteFile(file, pk.MarshalText(), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, wantErr string
	}{
		{"file path", file, ""},
		{"file contents", string(pk.MarshalText()), ""},
		{"bare key", pk.String(), ""},
		{"bare key with spaces", "  " + pk.String() + "\n", ""},
		{"missing file", filepath.Join(t.TempDir(), "nope.pub"), "is neither a minisign public key nor a file"},
		{"garbage", "RWSnotakey", "is neither a minisign public key nor a file"},
		{"comment and garbage", "untrusted comment: x\nnot a key", "not a minisign public key"},
		{"empty", "", "no public key given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePublicKey(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(pk) {
				t.Errorf("parsed key %s, want %s", got, pk)
			}
		})
	}
}

func TestKeygen(t *testing.T) {
	dir := t.TempDir()
	secret, public := filepath.Join(dir, "disclose.key"), filepath.Join(dir, "disclose.pub")
	pk, err := Keygen(secret, public)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(secret)
	if err != nil {
		t.Fatal(err)
	}
	if mode := fi.Mode().Perm(); mode != 0o600 {
		t.Errorf("secret key mode %v, want 0600", mode)
	}
	sk, err := LoadSecret(secret)
	if err != nil {
		t.Fatal(err)
	}
	readPub, err := ParsePublicKey(public)
	if err != nil {
		t.Fatal(err)
	}
	if !sk.Public().Equal(pk) || !readPub.Equal(pk) {
		t.Error("the written keys are not a pair")
	}

	before, _ := os.ReadFile(secret)
	if _, err := Keygen(secret, filepath.Join(dir, "other.pub")); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("Keygen over an existing secret key: error %v, want 'already exists'", err)
	}
	if _, err := Keygen(filepath.Join(dir, "other.key"), public); err == nil {
		t.Error("Keygen over an existing public key succeeded")
	}
	if after, _ := os.ReadFile(secret); !bytes.Equal(before, after) {
		t.Error("the existing secret key was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "other.key")); err == nil {
		t.Error("a refused Keygen left a secret key behind")
	}
}

func TestLoadSecret(t *testing.T) {
	sk, pk := newKey(t)
	file := filepath.Join(t.TempDir(), "k.key")
	os.WriteFile(file, sk.MarshalText(), 0o600)

	t.Run("nothing given", func(t *testing.T) {
		t.Setenv(SecretKeyEnv, "")
		got, err := LoadSecret("")
		if got != nil || err != nil {
			t.Errorf("LoadSecret with no key = %v, %v; want nil, nil", got, err)
		}
	})
	t.Run("environment", func(t *testing.T) {
		t.Setenv(SecretKeyEnv, string(sk.MarshalText()))
		got, err := LoadSecret("")
		if err != nil || !got.Public().Equal(pk) {
			t.Errorf("LoadSecret from %s = %v, %v", SecretKeyEnv, got, err)
		}
	})
	t.Run("file wins over environment", func(t *testing.T) {
		t.Setenv(SecretKeyEnv, "junk")
		got, err := LoadSecret(file)
		if err != nil || !got.Public().Equal(pk) {
			t.Errorf("LoadSecret(file) = %v, %v", got, err)
		}
	})
	t.Run("bad environment", func(t *testing.T) {
		t.Setenv(SecretKeyEnv, "junk")
		if _, err := LoadSecret(""); err == nil || !strings.Contains(err.Error(), SecretKeyEnv) {
			t.Errorf("error %v, want one naming %s", err, SecretKeyEnv)
		}
	})
}

// The stock minisign tool is the reference: what we sign it must accept,
// and what it signs we must accept.

func needMinisign(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("minisign")
	if err != nil {
		t.Skip("minisign not installed (Debian package: minisign)")
	}
	return p
}

func run(t *testing.T, dir string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func TestMinisignAcceptsOurSignature(t *testing.T) {
	minisign := needMinisign(t)
	dir := t.TempDir()
	sk, pk := newKey(t)
	os.WriteFile(filepath.Join(dir, "manifest.json"), manifestText, 0o644)
	os.WriteFile(filepath.Join(dir, "manifest.json.minisig"), Sign(sk, manifestText), 0o644)
	os.WriteFile(filepath.Join(dir, "disclose.pub"), pk.MarshalText(), 0o644)

	out, err := run(t, dir, minisign, "-Vm", "manifest.json", "-p", "disclose.pub")
	if err != nil {
		t.Fatalf("minisign -Vm manifest.json -p disclose.pub: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Trusted comment: "+TrustedComment(manifestText)) {
		t.Errorf("minisign output lacks our trusted comment:\n%s", out)
	}
	if out, err := run(t, dir, minisign, "-Vm", "manifest.json", "-P", pk.String()); err != nil {
		t.Errorf("minisign -P KEY: %v\n%s", err, out)
	}

	// minisign must also refuse it once the manifest changes: otherwise the
	// check above proves nothing.
	os.WriteFile(filepath.Join(dir, "manifest.json"), append(manifestText, ' '), 0o644)
	if out, err := run(t, dir, minisign, "-Vm", "manifest.json", "-p", "disclose.pub"); err == nil {
		t.Errorf("minisign accepted a changed manifest:\n%s", out)
	}
}

func TestMinisignUsesOurKeys(t *testing.T) {
	minisign := needMinisign(t)
	dir := t.TempDir()
	if _, err := Keygen(filepath.Join(dir, "disclose.key"), filepath.Join(dir, "disclose.pub")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "manifest.json"), manifestText, 0o644)
	// No -W: minisign must see by itself that the key is not encrypted.
	if out, err := run(t, dir, minisign, "-S", "-s", "disclose.key", "-m", "manifest.json"); err != nil {
		t.Fatalf("minisign -S with our secret key: %v\n%s", err, out)
	}
	if out, err := run(t, dir, minisign, "-Vm", "manifest.json", "-p", "disclose.pub"); err != nil {
		t.Fatalf("minisign -V of its own signature with our public key: %v\n%s", err, out)
	}
	pk, err := ParsePublicKey(filepath.Join(dir, "disclose.pub"))
	if err != nil {
		t.Fatal(err)
	}
	sig, _ := os.ReadFile(filepath.Join(dir, "manifest.json.minisig"))
	comment, err := Verify(pk, manifestText, sig)
	if err != nil {
		t.Fatalf("Verify of minisign's signature: %v", err)
	}
	if !strings.HasPrefix(comment, "timestamp:") {
		t.Errorf("trusted comment %q is not minisign's default", comment)
	}
}

func TestWeUseMinisignKeys(t *testing.T) {
	minisign := needMinisign(t)
	dir := t.TempDir()
	if out, err := run(t, dir, minisign, "-G", "-W", "-p", "m.pub", "-s", "m.key"); err != nil {
		t.Fatalf("minisign -G -W: %v\n%s", err, out)
	}
	os.WriteFile(filepath.Join(dir, "manifest.json"), manifestText, 0o644)
	if out, err := run(t, dir, minisign, "-S", "-s", "m.key", "-m", "manifest.json"); err != nil {
		t.Fatalf("minisign -S: %v\n%s", err, out)
	}
	pk, err := ParsePublicKey(filepath.Join(dir, "m.pub"))
	if err != nil {
		t.Fatal(err)
	}
	sig, _ := os.ReadFile(filepath.Join(dir, "manifest.json.minisig"))
	if _, err := Verify(pk, manifestText, sig); err != nil {
		t.Fatalf("Verify of a minisign signature: %v", err)
	}
	if _, err := Verify(pk, append(manifestText, ' '), sig); !errors.Is(err, ErrSignatureMismatch) {
		t.Fatalf("Verify of a changed message against a minisign signature: %v", err)
	}

	// A key made by minisign signs for us, and minisign accepts the result.
	sk, err := LoadSecret(filepath.Join(dir, "m.key"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "manifest.json.minisig"), Sign(sk, manifestText), 0o644)
	if out, err := run(t, dir, minisign, "-Vm", "manifest.json", "-p", "m.pub"); err != nil {
		t.Fatalf("minisign -V of our signature with a minisign key: %v\n%s", err, out)
	}
}

// encryptCheaply writes sk in minisign's encrypted format with the smallest
// scrypt cost minisign reads, so that the test does not spend the gigabyte
// of memory that `minisign -G` asks for.
func encryptCheaply(t *testing.T, sk *SecretKey, password string) []byte {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(strings.Split(string(sk.MarshalText()), "\n")[1])
	if err != nil {
		t.Fatal(err)
	}
	const ops, mem = 1 << 15, 1 << 24
	copy(raw[2:4], "Sc")
	salt := raw[6:38]
	copy(salt, "a salt that is only for this test")
	binary.LittleEndian.PutUint64(raw[38:], ops)
	binary.LittleEndian.PutUint64(raw[46:], mem)
	// minisign derives N=2^10, r=8, p=1 from these limits.
	stream, err := scrypt.Key([]byte(password), salt, 1<<10, 8, 1, 104)
	if err != nil {
		t.Fatal(err)
	}
	for i := range stream {
		raw[54+i] ^= stream[i]
	}
	return []byte("untrusted comment: minisign encrypted secret key\n" + base64.StdEncoding.EncodeToString(raw) + "\n")
}

func TestEncryptedSecretKey(t *testing.T) {
	sk, pk := newKey(t)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "enc.key")
	os.WriteFile(keyFile, encryptCheaply(t, sk, "correct horse"), 0o600)
	os.WriteFile(filepath.Join(dir, "k.pub"), pk.MarshalText(), 0o644)

	t.Run("no password", func(t *testing.T) {
		t.Setenv(PasswordEnv, "")
		if _, err := LoadSecret(keyFile); err == nil || !strings.Contains(err.Error(), "set "+PasswordEnv) {
			t.Errorf("error %v, want one asking for %s", err, PasswordEnv)
		}
	})
	t.Run("wrong password", func(t *testing.T) {
		t.Setenv(PasswordEnv, "wrong")
		if _, err := LoadSecret(keyFile); err == nil || !strings.Contains(err.Error(), "wrong password") {
			t.Errorf("error %v, want one about the password", err)
		}
	})
	t.Run("right password", func(t *testing.T) {
		t.Setenv(PasswordEnv, "correct horse")
		got, err := LoadSecret(keyFile)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(Sign(got, manifestText), Sign(sk, manifestText)) {
			t.Error("the decrypted key signs differently")
		}
	})
	t.Run("minisign reads the same file", func(t *testing.T) {
		minisign := needMinisign(t)
		os.WriteFile(filepath.Join(dir, "m"), manifestText, 0o644)
		cmd := exec.Command(minisign, "-S", "-s", "enc.key", "-m", "m")
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader("correct horse\n")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("minisign -S with the encrypted key: %v\n%s", err, out)
		}
		sig, _ := os.ReadFile(filepath.Join(dir, "m.minisig"))
		if _, err := Verify(pk, manifestText, sig); err != nil {
			t.Error(err)
		}
	})
}

// FuzzVerify feeds Verify signature files it did not make: it must never
// accept one, nor panic.
func FuzzVerify(f *testing.F) {
	sk, pk, _ := GenerateKey(nil)
	f.Add(Sign(sk, manifestText))
	f.Add([]byte("untrusted comment: x\nRUQ=\ntrusted comment: y\nAA==\n"))
	f.Fuzz(func(t *testing.T, sig []byte) {
		if bytes.Equal(sig, Sign(sk, manifestText)) {
			return
		}
		if _, err := Verify(pk, manifestText, sig); err == nil {
			// Only a change to the untrusted comment keeps a signature valid.
			var s1, s2 = bytes.SplitN(sig, []byte("\n"), 2), bytes.SplitN(Sign(sk, manifestText), []byte("\n"), 2)
			if len(s1) != 2 || !bytes.Equal(bytes.TrimRight(s1[1], "\r\n"), bytes.TrimRight(s2[1], "\r\n")) {
				t.Fatalf("Verify accepted a signature it did not make:\n%s", sig)
			}
		}
	})
}

// FuzzParsePublicKey feeds ParsePublicKeyText what a person might paste.
func FuzzParsePublicKey(f *testing.F) {
	_, pk, _ := GenerateKey(nil)
	f.Add(string(pk.MarshalText()))
	f.Add(pk.String())
	f.Add("untrusted comment: x\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParsePublicKeyText([]byte(s))
		if err != nil {
			return
		}
		again, err := ParsePublicKeyText(k.MarshalText())
		if err != nil || !again.Equal(k) {
			t.Fatalf("round trip of %q failed: %v", s, err)
		}
	})
}
