package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

func main() {
	p := os.Args[1]
	o, err := xsdjson.ConvertFile(os.DirFS(filepath.Dir(p)), filepath.Base(p), xsd.Options{})
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	b, _ := xsdjson.Marshal(o)
	os.Stdout.Write(b)
}
