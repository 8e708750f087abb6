import CNcursesw

/// The ncurses codes the input loop compares with, read once from the shim: compile-time
/// constants of the library, so no terminal is needed to use them.
enum CursesCodes {
    /// What `wgetch` returns when nothing arrived in time (or a signal cut the wait short).
    static let err = shim_ERR()
    /// What `wgetch` returns after the terminal's size changed.
    static let resize = shim_KEY_RESIZE()
}
