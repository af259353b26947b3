// SPDX-License-Identifier: MIT

package fsblob

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

// xattrName holds an object's metadata (see encodeXattr) in the file itself.
const xattrName = "user.blankett.blob"

var xattrNameBytes = append([]byte(xattrName), 0)

// setXattr stores data as the file's metadata attribute. It fails on a file
// system without user extended attributes (ENOTSUP), and the caller then falls
// back to the sidecar.
func setXattr(f *os.File, data []byte) error {
	if len(data) == 0 {
		return syscall.EINVAL
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var errno syscall.Errno
	if err := rc.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall6(syscall.SYS_FSETXATTR, fd, uintptr(unsafe.Pointer(&xattrNameBytes[0])),
			uintptr(unsafe.Pointer(&data[0])), uintptr(len(data)), 0, 0)
	}); err != nil {
		return err
	}
	if errno != 0 {
		return errno
	}
	return nil
}

// getXattr reads the file's metadata attribute into buf and returns its length;
// a file without one gives an error (ENODATA).
func getXattr(f *os.File, buf []byte) (int, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return 0, err
	}
	var (
		n     uintptr
		errno syscall.Errno
	)
	if err := rc.Control(func(fd uintptr) {
		n, _, errno = syscall.Syscall6(syscall.SYS_FGETXATTR, fd, uintptr(unsafe.Pointer(&xattrNameBytes[0])),
			uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), 0, 0)
	}); err != nil {
		return 0, err
	}
	if errno != 0 {
		return 0, errno
	}
	return int(n), nil
}

// errNoXattr is returned on platforms without extended attributes; never on Linux.
var errNoXattr = errors.New("fsblob: extended attributes not used on this platform")
