package sign

// RemoteReport is what BSrE's verification service concluded of a PDF
// (POST /api/v2/verify/pdf), in BSrE's own words.
type RemoteReport struct {
	Conclusion  string // VALID, NO_SIGNATURE, …
	Description string
	Signatures  []RemoteSignature
}

// RemoteSignature is one signature as BSrE's verification service saw it.
type RemoteSignature struct {
	Signer    string
	Integrity bool // the signed bytes are intact
	Trusted   bool // the certificate chains to a root BSrE trusts
	Format    string
	Date      string
	TimeStamp string // what BSrE says of the time-stamp; "" without one
}

// Valid reports whether BSrE concluded that the PDF's signatures are valid.
func (r *RemoteReport) Valid() bool { return r.Conclusion == "VALID" }
