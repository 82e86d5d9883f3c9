/// Where a theme's TOML comes from.
public enum ThemeSource: Sendable, Hashable, CustomStringConvertible {
    /// A file on disk (the path as it will be opened).
    case file(String)
    /// One of the themes compiled into the binary, by name.
    case embedded(String)

    /// The file's path, or "built-in theme 'NAME'": used in messages.
    public var description: String {
        switch self {
        case .file(let path): path
        case .embedded(let name): "built-in theme '\(name)'"
        }
    }
}
