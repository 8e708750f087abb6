#ifndef GRUSCOPE_ZLIB_SHIM_H
#define GRUSCOPE_ZLIB_SHIM_H

/*
 * The system's zlib, for the .npz reader: inflate for numpy.savez_compressed entries and the
 * CRC-32 every zip entry is checked against. inflateInit2 is a macro Swift cannot import.
 */

#include <zlib.h>

/* Starts a raw deflate stream (a zip entry's data has no zlib header). */
static inline int shim_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

#endif
