package sign

import (
	"strings"
	"time"

	"renja/internal/msg"
)

// A bsreFault is a kind of failure of a request to BSrE's eSign Client.
type bsreFault int

// The failures an officer is told of, each in her own words.
const (
	faultCredentials   bsreFault = iota + 1 // HTTP 401: the client application's user or password
	faultNotRegistered                      // status NOT_REGISTERED (2011)
	faultNoCertificate                      // status NO_CERTIFICATE (2021)
	faultStatus                             // another status than ISSUE
	faultPassphrase                         // the passphrase or the one-time code was refused
	faultBrokenPDF                          // HTTP 500 on a signing or verifying request
	faultUnreachable                        // no connection: nothing was sent
	faultNoAnswer                           // sent, and no answer came: the outcome is unknown
	faultAnswer                             // an answer renja cannot use
)

// bsreError is a failed request to BSrE's eSign Client. Its text never
// holds the NIK, the passphrase or the client's credentials.
type bsreError struct {
	Fault   bsreFault
	Status  int    // the HTTP status, 0 without an answer
	Said    string // what the server said (its message, status or error), with secrets removed
	Base    string // the eSign Client's address
	Signing bool   // the request asked for a signature
	Timeout time.Duration
	Cause   string // the network's error, for FaultUnreachable and FaultNoAnswer
}

func (e *bsreError) Error() string {
	switch e.Fault {
	case faultCredentials:
		return msg.Sprintf("BSrE's eSign Client at %s refused the client application's user and password (HTTP 401): check RENJA_BSRE_USER and RENJA_BSRE_PASSWORD with the district's eSign administrator; nothing was signed", e.Base)
	case faultNotRegistered:
		return msg.Sprintf("this NIK is not registered with BSrE (NOT_REGISTERED): the signatory registers for an electronic certificate first, through the district's TTE administrator; nothing was signed")
	case faultNoCertificate:
		return msg.Sprintf("this NIK is registered with BSrE but has no certificate (NO_CERTIFICATE): the signatory asks for the certificate to be issued, through the district's TTE administrator; nothing was signed")
	case faultStatus:
		return msg.Sprintf("BSrE says this NIK's certificate status is %s, not ISSUE: it cannot sign now; ask the district's TTE administrator; nothing was signed", e.Said)
	case faultPassphrase:
		return msg.Sprintf("BSrE refused the passphrase or the one-time code (%s): nothing was signed; try again with the right one (after several wrong tries BSrE may lock the certificate)", e.Said)
	case faultBrokenPDF:
		return msg.Sprintf("BSrE's eSign Client could not process the PDF (HTTP %d: %s): nothing was signed; make the final PDF again with `renja build --final` and check that it opens", e.Status, e.Said)
	case faultUnreachable:
		return msg.Sprintf("BSrE's eSign Client at %s cannot be reached (%s): nothing was sent; check the address and the network", e.Base, e.Cause)
	case faultNoAnswer:
		if e.Signing {
			return msg.Sprintf("no answer from BSrE's eSign Client at %s within %s (%s): whether the PDF was signed is UNKNOWN, and renja does not send it again. Before you sign again, look in the BeSign app's history (or ask the district's eSign administrator) whether a signature was made just now; a signed PDF that reaches you is checked with `renja verify --bsre %s FILE`", e.Base, e.Timeout, e.Cause, e.Base)
		}
		return msg.Sprintf("no answer from BSrE's eSign Client at %s within %s (%s): nothing was signed; try again later or with a longer --timeout", e.Base, e.Timeout, e.Cause)
	}
	if e.Signing && e.Status == 200 {
		return msg.Sprintf("BSrE's eSign Client answered, but renja cannot read a signed PDF in its answer (%s): whether the PDF was signed is UNKNOWN; look in the BeSign app's history before you sign again", e.Said)
	}
	return msg.Sprintf("BSrE's eSign Client answered HTTP %d: %s", e.Status, e.Said)
}

// redact removes the secrets from a text that the server sent back.
func redact(s string, secrets ...string) string {
	for _, v := range secrets {
		if len(v) >= 3 {
			s = strings.ReplaceAll(s, v, "…")
		}
	}
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return strings.TrimSpace(s)
}
