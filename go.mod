module github.com/entrylink/entrylink

go 1.24.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/tidwall/gjson v1.20.1
	golang.org/x/text v0.34.0
)

require (
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.2.0 // indirect
)
