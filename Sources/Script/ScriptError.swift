import Localization

/// The language's name for ``Localization/UserError``, which moved below Script so that every
/// layer (Teaching, the screen, file readers) can say a mistake in the user's language.
public typealias ScriptError = UserError
