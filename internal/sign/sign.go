// Package sign makes and checks minisign signatures, so that anyone with the
// stock minisign tool can check what disclose signed. Keys and signatures are
// in minisign's file formats; signatures use minisign's prehashed algorithm
// and a trusted comment without a timestamp, so that signing the same bytes
// with the same key always gives the same signature file.
package sign

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"aead.dev/minisign"
	"golang.org/x/crypto/blake2b"
)

// Environment variables that LoadSecret reads.
const (
	// SecretKeyEnv holds the secret key's text itself (both lines of the key
	// file, or only the second), for CI systems that keep secrets in the
	// environment.
	SecretKeyEnv = "DISCLOSE_SECRET_KEY"
	// PasswordEnv holds the password of an encrypted secret key, such as one
	// made by `minisign -G`.
	PasswordEnv = "DISCLOSE_KEY_PASSWORD"
)

// maxKeyFile bounds how much of a key or signature file is read.
const maxKeyFile = 64 << 10

// ErrSignatureMismatch is returned by Verify when the signature was not made
// over this message by this key.
var ErrSignatureMismatch = errors.New("signature does not match the key: the manifest was changed or signed by another key")

// SecretKey is a minisign secret key.
type SecretKey struct{ key minisign.PrivateKey }

// PublicKey is a minisign public key.
type PublicKey struct{ key minisign.PublicKey }

// GenerateKey makes a new key pair from random (crypto/rand.Reader if nil).
func GenerateKey(random io.Reader) (*SecretKey, PublicKey, error) {
	if random == nil {
		random = rand.Reader
	}
	pub, priv, err := minisign.GenerateKey(random)
	if err != nil {
		return nil, PublicKey{}, fmt.Errorf("sign: generate key: %w", err)
	}
	return &SecretKey{priv}, PublicKey{pub}, nil
}

// Public is the secret key's public half.
func (k *SecretKey) Public() PublicKey {
	return PublicKey{k.key.Public().(minisign.PublicKey)}
}

// secretKeySize is minisign's secret key record: algorithm, KDF, checksum
// algorithm, KDF salt, opslimit, memlimit, then key ID, Ed25519 key and a
// BLAKE2b checksum.
const secretKeySize = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32

// MarshalText is the key in minisign's secret key file format, not
// encrypted (what `minisign -G -W` writes; `minisign -S` reads it without
// asking for a password). It carries minisign's checksum, which
// aead.dev/minisign leaves zero.
func (k *SecretKey) MarshalText() []byte {
	text, err := k.key.MarshalText()
	if err != nil {
		panic(err) // MarshalText of a private key cannot fail
	}
	raw, err := base64.StdEncoding.DecodeString(string(text[bytes.IndexByte(text, '\n')+1:]))
	if err != nil || len(raw) != secretKeySize {
		panic("sign: unexpected secret key encoding from aead.dev/minisign")
	}
	sum := secretChecksum(raw)
	copy(raw[secretKeySize-32:], sum[:])
	var b strings.Builder
	b.WriteString("untrusted comment: disclose secret key " + keyID(k.key.ID()) + " (not encrypted: keep it secret)\n")
	b.WriteString(base64.StdEncoding.EncodeToString(raw))
	b.WriteString("\n")
	return []byte(b.String())
}

// secretChecksum is minisign's checksum of a secret key record:
// BLAKE2b-256 over the algorithm, the key ID and the Ed25519 key.
func secretChecksum(raw []byte) [32]byte {
	var msg []byte
	msg = append(msg, raw[0:2]...)
	msg = append(msg, raw[54:126]...)
	return blake2b.Sum256(msg)
}

// ParseSecretKey reads a secret key in minisign's format: the two lines of a
// key file, or only the second. An encrypted key (made by `minisign -G`
// without -W) needs its password; an unencrypted one ignores it.
func ParseSecretKey(text []byte, password string) (*SecretKey, error) {
	text = bytes.TrimSpace(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")))
	if minisign.IsEncrypted(text) {
		if password == "" {
			return nil, fmt.Errorf("sign: secret key is encrypted: set %s to its password", PasswordEnv)
		}
		key, err := minisign.DecryptKey(password, text)
		if err != nil {
			return nil, fmt.Errorf("sign: decrypt secret key: wrong password or damaged key: %w", err)
		}
		return checkSecret(key)
	}
	line := text
	if i := bytes.LastIndexByte(text, '\n'); i >= 0 {
		line = text[i+1:]
	}
	raw, err := base64.StdEncoding.DecodeString(string(line))
	if err != nil || len(raw) != secretKeySize {
		return nil, errors.New("sign: not a minisign secret key")
	}
	var key minisign.PrivateKey
	if err := key.UnmarshalText(line); err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	// minisign 0.11 writes unencrypted keys without a checksum; check it
	// only when there is one.
	if sum := raw[secretKeySize-32:]; !bytes.Equal(sum, make([]byte, 32)) {
		if want := secretChecksum(raw); !bytes.Equal(sum, want[:]) {
			return nil, errors.New("sign: secret key is damaged: its checksum does not match")
		}
	}
	return checkSecret(key)
}

// checkSecret makes sure the public half stored in the key is the one its
// seed gives, so that a damaged key cannot sign with one key and name another.
func checkSecret(key minisign.PrivateKey) (*SecretKey, error) {
	text, _ := key.MarshalText()
	raw, _ := base64.StdEncoding.DecodeString(string(text[bytes.IndexByte(text, '\n')+1:]))
	priv := ed25519.PrivateKey(raw[62:126])
	if !bytes.Equal(ed25519.NewKeyFromSeed(priv.Seed()), priv) {
		return nil, errors.New("sign: secret key is damaged: its two halves do not match")
	}
	return &SecretKey{key}, nil
}

// LoadSecret reads the secret key from the file at path or, when path is
// empty, from the environment variable DISCLOSE_SECRET_KEY. The password of
// an encrypted key comes from DISCLOSE_KEY_PASSWORD. With neither a path nor
// the variable it returns nil and no error: the caller builds unsigned.
func LoadSecret(path string) (*SecretKey, error) {
	password := os.Getenv(PasswordEnv)
	if path == "" {
		text := os.Getenv(SecretKeyEnv)
		if strings.TrimSpace(text) == "" {
			return nil, nil
		}
		key, err := ParseSecretKey([]byte(text), password)
		if err != nil {
			return nil, fmt.Errorf("%w (from %s)", err, SecretKeyEnv)
		}
		return key, nil
	}
	if err := CheckKeyFileMode(path); err != nil {
		return nil, err
	}
	text, err := readSmall(path)
	if err != nil {
		return nil, fmt.Errorf("sign: read secret key: %w", err)
	}
	key, err := ParseSecretKey(text, password)
	if err != nil {
		return nil, fmt.Errorf("%w (from %s)", err, path)
	}
	return key, nil
}

// Keygen makes a key pair and writes the secret key to secretPath (mode
// 0600) and the public key to publicPath. It refuses to overwrite either.
func Keygen(secretPath, publicPath string) (PublicKey, error) {
	for _, p := range []string{secretPath, publicPath} {
		if _, err := os.Lstat(p); err == nil {
			return PublicKey{}, fmt.Errorf("sign: keygen: %s already exists; move it away or choose another name (a key that is in use must not be replaced by accident)", p)
		}
	}
	secret, public, err := GenerateKey(nil)
	if err != nil {
		return PublicKey{}, err
	}
	if err := writeNew(secretPath, secret.MarshalText(), 0o600); err != nil {
		return PublicKey{}, fmt.Errorf("sign: keygen: %w", err)
	}
	if err := writeNew(publicPath, public.MarshalText(), 0o644); err != nil {
		os.Remove(secretPath)
		return PublicKey{}, fmt.Errorf("sign: keygen: %w", err)
	}
	return public, nil
}

// writeNew creates path, failing if it exists.
func writeNew(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// TrustedComment is the trusted comment Sign writes for msg: the message's
// SHA-256, and no timestamp, so that two builds sign to identical bytes.
func TrustedComment(msg []byte) string {
	sum := sha256.Sum256(msg)
	return "disclose manifest sha256:" + hex.EncodeToString(sum[:])
}

// Sign signs msg with key and returns the contents of a .minisig file, in
// minisign's prehashed format, with TrustedComment(msg) as its trusted
// comment. Ed25519 signatures are deterministic, so the result depends only
// on key and msg.
func Sign(key *SecretKey, msg []byte) []byte {
	r := minisign.NewReader(bytes.NewReader(msg))
	if _, err := io.Copy(io.Discard, r); err != nil {
		panic(err) // reading a bytes.Reader cannot fail
	}
	untrusted := "signature from disclose secret key " + keyID(key.key.ID())
	return r.SignWithComments(key.key, TrustedComment(msg), untrusted)
}

// Verify checks that sig, the contents of a .minisig file, is pub's
// signature over msg and returns its trusted comment. It accepts both of
// minisign's signature algorithms. The error says plainly what failed.
func Verify(pub PublicKey, msg, sig []byte) (trustedComment string, err error) {
	var s minisign.Signature
	if err := s.UnmarshalText(bytes.ReplaceAll(sig, []byte("\r\n"), []byte("\n"))); err != nil {
		return "", fmt.Errorf("signature file is damaged or not a minisign signature: %w", err)
	}
	if s.KeyID != pub.key.ID() {
		return "", fmt.Errorf("signature does not match the key: it was made by key ID %s, not by key ID %s", keyID(s.KeyID), pub.ID())
	}
	raw, _ := pub.key.MarshalText()
	pk := publicBytes(raw)
	signed := msg
	if s.Algorithm == minisign.HashEdDSA {
		sum := blake2b.Sum512(msg)
		signed = sum[:]
	}
	if !ed25519.Verify(pk, signed, s.Signature[:]) {
		return "", ErrSignatureMismatch
	}
	global := append(s.Signature[:], s.TrustedComment...)
	if !ed25519.Verify(pk, global, s.CommentSignature[:]) {
		return "", errors.New("signature does not match the key: its trusted comment was changed after signing")
	}
	return s.TrustedComment, nil
}

// publicBytes is the Ed25519 key in a marshalled minisign public key.
func publicBytes(text []byte) ed25519.PublicKey {
	raw, _ := base64.StdEncoding.DecodeString(string(text[bytes.IndexByte(text, '\n')+1:]))
	return ed25519.PublicKey(raw[10:])
}

// ParsePublicKey reads a public key given as a .pub file's path, as the two
// lines of such a file, or as the bare base64 key (what `minisign -P` takes).
func ParsePublicKey(fileOrString string) (PublicKey, error) {
	s := strings.TrimSpace(fileOrString)
	if s == "" {
		return PublicKey{}, errors.New("key: no public key given")
	}
	if k, err := parsePublicText([]byte(s)); err == nil {
		return k, nil
	} else if strings.Contains(s, "\n") || strings.HasPrefix(s, "untrusted comment:") {
		return PublicKey{}, fmt.Errorf("key: %w", err)
	}
	text, err := readSmall(s)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return PublicKey{}, fmt.Errorf("key: %q is neither a minisign public key nor a file", s)
		}
		return PublicKey{}, fmt.Errorf("key: read %s: %w", s, err)
	}
	k, err := parsePublicText(text)
	if err != nil {
		return PublicKey{}, fmt.Errorf("key: %s: %w", s, err)
	}
	return k, nil
}

// ParsePublicKeyText reads a public key from the contents of a .pub file or
// from the bare base64 key; unlike ParsePublicKey it never opens a file.
func ParsePublicKeyText(text []byte) (PublicKey, error) {
	k, err := parsePublicText(text)
	if err != nil {
		return PublicKey{}, fmt.Errorf("key: %w", err)
	}
	return k, nil
}

func parsePublicText(text []byte) (PublicKey, error) {
	text = bytes.TrimSpace(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")))
	lines := bytes.Split(text, []byte("\n"))
	switch {
	case len(lines) == 2 && bytes.HasPrefix(lines[0], []byte("untrusted comment:")):
		text = lines[1]
	case len(lines) != 1:
		return PublicKey{}, errors.New("not a minisign public key: want the key line, or the comment line and the key line")
	}
	var k minisign.PublicKey
	if err := k.UnmarshalText(bytes.TrimSpace(text)); err != nil {
		return PublicKey{}, errors.New("not a minisign public key")
	}
	return PublicKey{k}, nil
}

// ID is the key ID as minisign prints it: 16 upper-case hex digits.
func (p PublicKey) ID() string { return keyID(p.key.ID()) }

// String is the bare base64 key, as `minisign -P` takes it.
func (p PublicKey) String() string { return p.key.String() }

// MarshalText is the key in minisign's .pub file format.
func (p PublicKey) MarshalText() []byte {
	return []byte("untrusted comment: minisign public key " + p.ID() + "\n" + p.String() + "\n")
}

// Equal reports whether p and q are the same key.
func (p PublicKey) Equal(q PublicKey) bool { return p.key.Equal(q.key) }

func keyID(id uint64) string {
	s := strings.ToUpper(strconv.FormatUint(id, 16))
	return strings.Repeat("0", 16-len(s)) + s
}

// readSmall reads a file of at most maxKeyFile bytes.
func readSmall(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxKeyFile {
		return nil, fmt.Errorf("%s is too large to be a key", path)
	}
	return b, nil
}

// secretKeyToken is a minisign secret key record in base64, encrypted
// ("Ed", "Sc", "B2") or not ("Ed", 0, 0, "B2"), wherever it stands in a
// file and whatever comment is above it.
var secretKeyToken = regexp.MustCompile(`RW(?:RTY0|QAAE)Iy[A-Za-z0-9+/]{196}[A-Za-z0-9+/=]{8}`)

// otherSecrets are the markers of other kinds of secret key: PEM and
// OpenSSH private keys, OpenPGP secret keys and signify secret keys.
var otherSecrets = []struct{ marker, what string }{
	{"PRIVATE KEY-----", "a private key (PEM or OpenSSH)"},
	{"-----BEGIN PGP PRIVATE KEY BLOCK-----", "an OpenPGP secret key"},
	{"untrusted comment: signify secret key", "a signify secret key"},
}

// FindSecret reports whether data holds a secret key, and what kind: a
// minisign secret key (as disclose or minisign writes it, encrypted or
// not, under any comment) or one of the other kinds anyone might keep
// beside it. A public key or a signature is not one.
func FindSecret(data []byte) (what string, found bool) {
	// The regular expression runs only where a record can start: a build
	// searches every file it publishes, and most hold none.
	if !bytes.Contains(data, []byte("RWRTY0Iy")) && !bytes.Contains(data, []byte("RWQAAEIy")) {
		return findOther(data)
	}
	for _, loc := range secretKeyToken.FindAllIndex(data, -1) {
		raw, err := base64.StdEncoding.DecodeString(string(data[loc[0]:loc[1]]))
		if err == nil && len(raw) == secretKeySize {
			return "a minisign secret key", true
		}
	}
	return findOther(data)
}

func findOther(data []byte) (what string, found bool) {
	for _, o := range otherSecrets {
		if bytes.Contains(data, []byte(o.marker)) {
			return o.what, true
		}
	}
	return "", false
}

// CheckKeyFileMode refuses a secret key file that anyone but its owner
// can read or write: on a shared machine or CI runner, another account
// could copy it and sign a site as the organisation.
func CheckKeyFileMode(path string) error {
	if runtime.GOOS == "windows" {
		return nil // the mode bits do not say who may read it there
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("sign: the secret key %s can be read or changed by others (mode %04o); make it readable only by you: chmod 600 %s", path, perm, path)
	}
	return nil
}
