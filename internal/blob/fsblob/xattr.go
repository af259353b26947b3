// SPDX-License-Identifier: MIT

package fsblob

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"syscall"
)

// xattrVersion leads the attribute so its layout can change.
const xattrVersion = 1

// encodeXattr packs m for the object file's extended attribute: version, the
// 32-byte digest, the size (big-endian), then the content type. About 60 bytes,
// so ext4 keeps it inside the inode: no extra block, file or directory.
func encodeXattr(m meta) []byte {
	sum, err := hex.DecodeString(m.SHA256)
	if err != nil || len(sum) != 32 {
		return nil
	}
	b := make([]byte, 0, 1+32+8+len(m.ContentType))
	b = append(b, xattrVersion)
	b = append(b, sum...)
	b = binary.BigEndian.AppendUint64(b, uint64(m.Size))
	return append(b, m.ContentType...)
}

// decodeXattr reverses encodeXattr; ok is false for anything else.
func decodeXattr(b []byte) (m meta, ok bool) {
	if len(b) < 1+32+8 || b[0] != xattrVersion {
		return meta{}, false
	}
	m.SHA256 = hex.EncodeToString(b[1:33])
	m.Size = int64(binary.BigEndian.Uint64(b[33:41]))
	m.ContentType = string(b[41:])
	return m, true
}

// xattrMeta returns the metadata in the open object file f, if it carries any
// that matches its size. The attribute belongs to the inode, so unlike a sidecar
// it cannot describe another version of the object; the size check catches a
// file rewritten in place by hand.
func xattrMeta(f *os.File, fi os.FileInfo) (meta, bool) {
	var buf [512]byte
	n, err := getXattr(f, buf[:])
	if err != nil {
		return meta{}, false
	}
	m, ok := decodeXattr(buf[:n])
	if !ok || m.Size != fi.Size() {
		return meta{}, false
	}
	m.ModTime = fi.ModTime().UnixNano()
	return m, true
}

// unsupported reports whether err says the file system has no user extended
// attributes; the store then stops trying them.
func unsupported(err error) bool {
	return errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, errNoXattr)
}
