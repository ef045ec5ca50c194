package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// deployRun is one timed `disclose deploy` to the local S3 server.
type deployRun struct {
	What     string // "first" (the whole site) or "new update"
	Jobs     int    // 0: disclose deploy's default
	Wall     time.Duration
	CPU      time.Duration
	Uploaded int   // objects uploaded
	Bytes    int64 // their bytes as stored (text gzip-encoded, as deploy sends it)
}

// s3Server is Versity's S3 gateway on loopback, with a POSIX backend in a
// directory of its own (internal/cli/versity_test.go starts it the same
// way).
type s3Server struct {
	endpoint string
	root     string // the backend's directory: one folder per bucket
	cmd      *exec.Cmd
	exited   chan error
	log      lockedBuffer
}

const (
	s3Key    = "disclose-bench"
	s3Secret = "disclose-bench-secret"
)

// versitygwPath finds the gateway: $VERSITYGW, else versitygw on $PATH
// (scripts/setup-test-tools.sh installs it). Empty if there is none.
func versitygwPath() string {
	if p := os.Getenv("VERSITYGW"); p != "" {
		return p
	}
	p, err := exec.LookPath("versitygw")
	if err != nil {
		return ""
	}
	return p
}

func startS3(ctx context.Context, bin, root string) (*s3Server, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	s := &s3Server{endpoint: fmt.Sprintf("http://127.0.0.1:%d", port), root: root, exited: make(chan error, 1)}
	s.cmd = exec.Command(bin, "--port", fmt.Sprintf("127.0.0.1:%d", port), "posix", root)
	s.cmd.Env = append(os.Environ(), "ROOT_ACCESS_KEY="+s3Key, "ROOT_SECRET_KEY="+s3Secret)
	s.cmd.Stdout, s.cmd.Stderr = &s.log, &s.log
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("run: versitygw: %w", err)
	}
	go func() { s.exited <- s.cmd.Wait() }()
	for deadline := time.Now().Add(30 * time.Second); ; {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return s, nil
		}
		select {
		case err := <-s.exited:
			s.exited <- err
			return nil, fmt.Errorf("run: versitygw stopped: %v: %s", err, tail(s.log.String(), 500))
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("run: versitygw did not start within 30 s: %s", tail(s.log.String(), 500))
		}
	}
}

func (s *s3Server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

func (s *s3Server) createBucket(ctx context.Context, name string) error {
	client := s3.New(s3.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(s.endpoint), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(s3Key, s3Secret, ""),
	})
	if _, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name)}); err != nil {
		return fmt.Errorf("run: create bucket %s: %w", name, err)
	}
	return nil
}

func (s *s3Server) target(bucket string) string {
	return "s3://" + bucket + "?" + url.Values{"endpoint": {s.endpoint}, "use_path_style": {"true"}, "region": {"us-east-1"}, "disable_https": {"true"}}.Encode()
}

// deploy runs disclose deploy of out to bucket (jobs 0: the default) and
// measures it: wall and CPU time of the whole command (which checks the
// site's sources and verifies the built site before it uploads), the
// objects it uploaded and their bytes as the gateway stored them.
func (e *benchEnv) deploy(ctx context.Context, s *s3Server, site, out, bucket, what string, jobs int) (deployRun, error) {
	args := []string{"deploy", "-site", site, "-target", s.target(bucket), "-key", filepath.Join(filepath.Dir(e.key), "disclose.pub")}
	if jobs > 0 {
		args = append(args, "-jobs", fmt.Sprint(jobs))
	}
	args = append(args, out)
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, e.disclose, args...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID="+s3Key, "AWS_SECRET_ACCESS_KEY="+s3Secret, "AWS_SESSION_TOKEN=",
		"AWS_CONFIG_FILE="+os.DevNull, "AWS_SHARED_CREDENTIALS_FILE="+os.DevNull, "AWS_EC2_METADATA_DISABLED=true")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := deployRun{What: what, Jobs: jobs, Wall: time.Since(start)}
	if err != nil {
		return r, fmt.Errorf("run: disclose deploy: %w\n%s%s", err, tail(stdout.String(), 1500), tail(stderr.String(), 1500))
	}
	r.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	for _, key := range uploadedKeys(stdout.String()) {
		r.Uploaded++
		st, err := os.Stat(filepath.Join(s.root, bucket, filepath.FromSlash(key)))
		if err != nil {
			return r, fmt.Errorf("run: deploy uploaded %s but the gateway has no such object: %w", key, err)
		}
		r.Bytes += st.Size()
	}
	return r, nil
}

// uploadedKeys are the keys of deploy's "upload KEY (type, encoding)"
// lines.
func uploadedKeys(out string) []string {
	var keys []string
	for _, l := range strings.Split(out, "\n") {
		if k, ok := strings.CutPrefix(l, "upload "); ok {
			if i := strings.LastIndex(k, " ("); i > 0 {
				keys = append(keys, k[:i])
			}
		}
	}
	return keys
}
