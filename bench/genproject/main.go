// Command genproject writes a generated Renja project for measurements:
//
//	go run ./bench/genproject [-wide] DIR N
//
// N sub kegiatan; -wide makes the plan one 13-column table (gen.WriteWide),
// otherwise four tables of 5 to 8 columns (gen.Write).
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"renja/internal/gen"
)

func main() {
	wide := flag.Bool("wide", false, "one 13-column plan table")
	flag.Parse()
	n, err := strconv.Atoi(flag.Arg(1))
	if flag.NArg() != 2 || err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "usage: genproject [-wide] DIR N")
		os.Exit(2)
	}
	write := gen.Write
	if *wide {
		write = gen.WriteWide
	}
	if err := write(flag.Arg(0), n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
