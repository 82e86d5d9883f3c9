/// One labelled value of a detail view ("Telephone: +1 555 0100"); the value is raw API text.
public struct RecordField: Sendable, Hashable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}
