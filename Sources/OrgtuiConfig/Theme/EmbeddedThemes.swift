/// The shipped themes' TOML, compiled in so an installed binary works without the `themes/` folder.
///
/// The text is not kept here: `EmbedThemesPlugin` generates `generatedFiles` from `themes/*.toml` at build time,
/// so editing a theme file is all it takes (and rebuilds this target).
public enum EmbeddedThemes {
    /// Theme names in the order `:theme` lists them (a new file in `themes/` is listed after these).
    public static let names = ["default", "light", "high-contrast", "mono"]

    /// TOML text by theme name: each `themes/NAME.toml` as it was when the binary was built.
    public static let files: [String: String] = generatedFiles
}
