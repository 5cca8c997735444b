package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, filepath.Join("..", "..", "testdata", "webhooks")); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"https://t.me/my_bot?start=orderjsondata--eyJza3UiOiJBMSIsInF0eSI6Mn0",
		"telegram-start-private.json",
		"flow=tutorial payload=value1 field[738]=value2 field[514]=value3",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out.String(), "FAILED") || strings.Contains(out.String(), "DIFFERS") {
		t.Errorf("a round trip failed:\n%s", out.String())
	}
}

func TestRunWithoutSamples(t *testing.T) {
	if err := run(&bytes.Buffer{}, t.TempDir()); err == nil {
		t.Error("run with an empty webhooks directory succeeded")
	}
}
