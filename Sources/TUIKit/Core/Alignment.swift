/// Where text sits in a wider space.
public enum Alignment: Sendable, Hashable {
    /// Flush left, padded on the right.
    case left
    /// Flush right, padded on the left.
    case right
}
