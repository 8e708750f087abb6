#ifndef GRUSCOPE_HDF5_SHIM_H
#define GRUSCOPE_HDF5_SHIM_H

/*
 * The system's libhdf5 (Debian's libhdf5-dev), for Keras .keras/.h5 weight files.
 *
 * The headers give the types and each function's exact prototype, but the library is not linked:
 * libhdf5 pulls in about 30 shared libraries (curl, gnutls, kerberos, ldap ...) whose loading
 * would be paid by every start of gruscope, HDF5 file or not. It is opened with dlopen the first
 * time an HDF5 file is read (gs_h5_load), and only functions named in GS_H5_FUNCTIONS are used.
 *
 * Each function is listed once; the list makes its pointer type (from the header's own
 * prototype, so it cannot drift), its field in struct gs_h5_api and the symbol looked up. A name
 * the headers define as a macro (H5Gopen -> H5Gopen2, H5Eset_auto -> H5Eset_auto2) is looked up
 * under the versioned name the macro gives.
 */

#include <dlfcn.h>
#include <stddef.h>
#include <string.h>
#include <hdf5/serial/hdf5.h>

#define GS_H5_FUNCTIONS(X) \
    X(H5open) X(H5get_libversion) X(H5Eset_auto) X(H5free_memory) \
    X(H5Pcreate) X(H5Pclose) X(H5Pset_fapl_core) X(H5Pset_file_image) X(H5Pget_layout) X(H5Pget_nfilters) \
    X(H5Fopen) X(H5Fclose) \
    X(H5Gopen) X(H5Gclose) X(H5Gget_info) \
    X(H5Lget_name_by_idx) X(H5Lget_info) \
    X(H5Oopen) X(H5Oclose) X(H5Iget_type) \
    X(H5Dopen) X(H5Dclose) X(H5Dget_space) X(H5Dget_type) X(H5Dget_create_plist) X(H5Dget_storage_size) X(H5Dread) \
    X(H5Sget_simple_extent_type) X(H5Sget_simple_extent_ndims) X(H5Sget_simple_extent_dims) X(H5Sclose) \
    X(H5Tget_class) X(H5Tget_size) X(H5Tis_variable_str) X(H5Tcopy) X(H5Tset_size) X(H5Tget_cset) X(H5Tset_cset) X(H5Tclose) \
    X(H5Aexists) X(H5Aopen) X(H5Aclose) X(H5Aget_type) X(H5Aget_space) X(H5Aget_storage_size) X(H5Aread)

#define GS_H5_STRINGIFY(name) #name
#define GS_H5_SYMBOL(name) GS_H5_STRINGIFY(name)

#define GS_H5_TYPEDEF(name) typedef __typeof__(&name) gs_##name##_fn;
GS_H5_FUNCTIONS(GS_H5_TYPEDEF)
#undef GS_H5_TYPEDEF

/* Every function of the list, and the library's predefined type and class ids that are used. */
struct gs_h5_api {
#define GS_H5_FIELD(name) gs_##name##_fn fn_##name;
    GS_H5_FUNCTIONS(GS_H5_FIELD)
#undef GS_H5_FIELD
    hid_t native_float;
    hid_t c_string;
    hid_t file_access_class;
    /* The version of the library that was opened. */
    unsigned major, minor, release;
};

/* Constants whose header macros Swift cannot import (H5F_ACC_RDONLY would even call into the
   library through H5check). */
static const hid_t gs_h5_default = H5P_DEFAULT;
static const hid_t gs_h5_all = H5S_ALL;
static const unsigned gs_h5_read_only = 0x0000u;

/* The major and minor version the headers describe; a library of another version is refused,
   since the structures exchanged with it (H5G_info_t, H5L_info_t) change between versions. */
static const unsigned gs_h5_header_major = H5_VERS_MAJOR;
static const unsigned gs_h5_header_minor = H5_VERS_MINOR;

/*
 * Opens libhdf5 and fills *api. Returns 0 on success; otherwise 1 (no library found), 2 (a
 * function is missing), 3 (another major.minor version than the headers') or 4 (it failed to
 * start), with the library or symbol concerned in `detail` (at most detail_size bytes).
 */
static inline int gs_h5_load(struct gs_h5_api *api, char *detail, size_t detail_size) {
    static const char *const names[] = {
        "libhdf5_serial.so.103", "libhdf5_serial.so", "libhdf5.so.103", "libhdf5.so",
    };
    void *handle = NULL;
    memset(api, 0, sizeof *api);
    if (detail_size > 0) detail[0] = 0;
    for (size_t k = 0; k < sizeof names / sizeof names[0] && handle == NULL; k++) {
        handle = dlopen(names[k], RTLD_NOW | RTLD_LOCAL);
    }
    if (handle == NULL) {
        if (detail_size > 0) { strncpy(detail, "libhdf5_serial.so.103", detail_size - 1); detail[detail_size - 1] = 0; }
        return 1;
    }
#define GS_H5_LOOKUP(name)                                                               \
    api->fn_##name = (gs_##name##_fn)dlsym(handle, GS_H5_SYMBOL(name));                  \
    if (api->fn_##name == NULL) {                                                        \
        if (detail_size > 0) { strncpy(detail, GS_H5_SYMBOL(name), detail_size - 1); detail[detail_size - 1] = 0; } \
        return 2;                                                                        \
    }
    GS_H5_FUNCTIONS(GS_H5_LOOKUP)
#undef GS_H5_LOOKUP
    if (api->fn_H5get_libversion(&api->major, &api->minor, &api->release) < 0) return 4;
    if (api->major != gs_h5_header_major || api->minor != gs_h5_header_minor) return 3;
    if (api->fn_H5open() < 0) return 4;
    const hid_t *native_float = (const hid_t *)dlsym(handle, "H5T_NATIVE_FLOAT_g");
    const hid_t *c_string = (const hid_t *)dlsym(handle, "H5T_C_S1_g");
    const hid_t *file_access = (const hid_t *)dlsym(handle, "H5P_CLS_FILE_ACCESS_ID_g");
    if (native_float == NULL || c_string == NULL || file_access == NULL) {
        if (detail_size > 0) { strncpy(detail, "H5T_NATIVE_FLOAT_g", detail_size - 1); detail[detail_size - 1] = 0; }
        return 2;
    }
    api->native_float = *native_float;
    api->c_string = *c_string;
    api->file_access_class = *file_access;
    return 0;
}

#endif
