package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string // the whole standard output, when set
		wantErrHas string // a substring of standard error
	}{
		{"build telegram", []string{"-channel", "telegram", "-target", "my_bot", "giveaway--456"}, 0,
			"https://t.me/my_bot?start=giveaway--456\n", ""},
		{"build reads en dashes", []string{"-channel", "whatsapp", "-target", "+1 555 010 4477", "giveaway–value1–738–value2"}, 0,
			"https://wa.me/15550104477?text=/giveaway--value1--738--value2\n", ""},
		{"build JSON as base64url", []string{"-channel", "telegram", "-target", "my_bot", `orderjsondata--{"sku":"A1"}`}, 0,
			"https://t.me/my_bot?start=orderjsondata--eyJza3UiOiJBMSJ9\n", ""},
		{"build startgroup", []string{"-channel", "telegram", "-target", "my_bot", "-param", "startgroup", "giveaway"}, 0,
			"https://t.me/my_bot?startgroup=giveaway\n", ""},
		{"build webchat base", []string{"-channel", "webchat", "-target", "42", "-base", "https://chatrace.com/bots/webchat/", "giveaway"}, 0,
			"https://chatrace.com/bots/webchat/?p=42&ref=giveaway\n", ""},
		{"decode", []string{"-decode", "https://t.me/my_bot?start=tutorial--value1--738--value2"}, 0,
			"channel  telegram\ntarget   my_bot\nparam    start\nref      tutorial--value1--738--value2\nflow     tutorial\npayload  value1\nfield    738 = value2\n", ""},
		{"decode without ref", []string{"-decode", "https://m.me/mypage"}, 0,
			"channel  messenger\ntarget   mypage\nref      (none)\n", ""},
		{"help", []string{"-h"}, 0, manual, ""},
		{"lookalike host", []string{"-decode", "https://t.me.evil.com/my_bot?start=x"}, 2, "", "host is not a channel's"},
		{"bad ref", []string{"-channel", "telegram", "-target", "my_bot", "a---b"}, 2, "", "at offset 3"},
		{"alphabet", []string{"-channel", "telegram", "-target", "my_bot", "a b"}, 2, "", "' ' at byte 1 is not allowed"},
		{"too long", []string{"-channel", "telegram", "-target", "my_bot", `orderjsondata--{"note":"please gift wrap it, and thank you"}`}, 2, "",
			"Telegram allows 64 characters; this ref needs 75 after base64url encoding"},
		{"unknown channel", []string{"-channel", "fax", "-target", "1", "x"}, 2, "", `unknown channel kind "fax"`},
		{"no ref", []string{"-channel", "telegram", "-target", "my_bot"}, 2, "", "exactly one REF"},
		{"bad param", []string{"-channel", "telegram", "-target", "my_bot", "-param", "begin", "x"}, 2, "", "-param"},
		{"unknown flag", []string{"-color"}, 2, "", "flag provided but not defined"},
		{"decode with extra args", []string{"-decode", "https://m.me/p", "x"}, 2, "", "-decode takes a link"},
		{"decode with a build flag", []string{"-param", "startgroup", "-decode", "https://t.me/my_bot"}, 2, "", "-decode takes a link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d (stderr %q)", code, tt.wantCode, stderr.String())
			}
			if tt.wantCode == 0 {
				if diff := cmp.Diff(tt.wantOut, stdout.String()); diff != "" {
					t.Errorf("stdout mismatch (-want +got):\n%s", diff)
				}
				if stderr.Len() > 0 {
					t.Errorf("stderr: %s", stderr.String())
				}
			} else {
				if stdout.Len() > 0 {
					t.Errorf("stdout on failure: %s", stdout.String())
				}
				if !strings.Contains(stderr.String(), tt.wantErrHas) {
					t.Errorf("stderr %q lacks %q", stderr.String(), tt.wantErrHas)
				}
			}
		})
	}
}

func TestRunJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-json", "-channel", "telegram", "-target", "my_bot", `orderjsondata--{"sku":"A1"}`}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
	}
	want := map[string]any{
		"link":    "https://t.me/my_bot?start=orderjsondata--eyJza3UiOiJBMSJ9",
		"channel": "telegram",
		"target":  "my_bot",
		"param":   "start",
		"ref":     "orderjsondata--eyJza3UiOiJBMSJ9",
		"decoded": map[string]any{"name": "order", "json": map[string]any{"sku": "A1"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON output mismatch (-want +got):\n%s", diff)
	}
}
