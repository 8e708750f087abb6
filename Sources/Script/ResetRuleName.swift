import GRUCore
import Localization

/// How the texts name the reset rule a cell follows: by the framework its weights come from
/// (Keras weights are Keras's rule, with `reset_after` either way), or, when the rule was
/// switched away from the framework's own (`rule before` on PyTorch weights), by the framework
/// whose rule it now is.
public enum ResetRuleName {
    /// The catalogue key under `rule_name.`.
    public static func key(variant: GRUVariant, resetAfter: Bool) -> String {
        switch variant {
        case .tfGRUCell: return resetAfter ? "tf_after" : "tf_before"
        case .keras: return resetAfter ? "keras_after" : "keras_before"
        case .pytorch: return resetAfter ? "pytorch_after" : "pytorch_before"
        }
    }

    /// The name in a language: "TensorFlow GRUCell rule", "Keras rule, reset_after=True", …
    public static func text(variant: GRUVariant, resetAfter: Bool, language: Language) -> String {
        language.text("rule_name." + key(variant: variant, resetAfter: resetAfter))
    }

    /// The name for a cell's weights.
    public static func text(_ weights: GRUWeights, language: Language) -> String {
        text(variant: weights.variant, resetAfter: weights.resetAfter, language: language)
    }
}
