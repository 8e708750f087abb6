import CNcursesw
import Widgets

extension TextAttributes {
    /// The ncurses attribute bits for these attributes.
    var cursesAttributes: attr_t {
        var bits = shim_A_NORMAL()
        if contains(.bold) { bits |= shim_A_BOLD() }
        if contains(.reverse) { bits |= shim_A_REVERSE() }
        if contains(.underline) { bits |= shim_A_UNDERLINE() }
        if contains(.dim) { bits |= shim_A_DIM() }
        return bits
    }
}
