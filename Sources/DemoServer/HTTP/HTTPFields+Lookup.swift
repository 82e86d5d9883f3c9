import Hummingbird

extension HTTPFields {
    /// The first value of the header with this (lowercase) name.
    func value(named canonicalName: String) -> String? {
        first { $0.name.canonicalName == canonicalName }?.value
    }
}
