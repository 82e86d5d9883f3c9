/// The shipped themes' TOML, compiled in so an installed binary works without the `themes/` folder.
///
/// Each constant (`EmbeddedThemes+Name.swift`) is a verbatim copy of `themes/NAME.toml`; a test fails when a
/// copy and its file differ, so edit the file, then paste it into the constant.
public enum EmbeddedThemes {
    /// Theme names in the order `:theme` lists them.
    public static let names = ["default", "light", "high-contrast", "mono"]

    /// TOML text by theme name.
    public static let files: [String: String] = [
        "default": defaultTOML, "light": lightTOML, "high-contrast": highContrastTOML, "mono": monoTOML,
    ]
}
