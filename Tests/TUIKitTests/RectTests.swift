import TUIKit
import Testing

@Suite struct RectTests {
    let area = Rect(x: 2, y: 1, width: 20, height: 10)

    @Test func negativeSizesClampToZero() {
        #expect(Rect(x: 0, y: 0, width: -5, height: 3).width == 0)
        #expect(Rect(x: 0, y: 0, width: -5, height: 3).isEmpty)
        #expect(!area.isEmpty)
    }

    @Test func splits() {
        #expect(area.splitTop(3) == (Rect(x: 2, y: 1, width: 20, height: 3), Rect(x: 2, y: 4, width: 20, height: 7)))
        #expect(area.splitBottom(2) == (Rect(x: 2, y: 1, width: 20, height: 8), Rect(x: 2, y: 9, width: 20, height: 2)))
        #expect(area.splitLeft(5) == (Rect(x: 2, y: 1, width: 5, height: 10), Rect(x: 7, y: 1, width: 15, height: 10)))
        #expect(
            area.splitRight(5) == (Rect(x: 2, y: 1, width: 15, height: 10), Rect(x: 17, y: 1, width: 5, height: 10)))
    }

    @Test(arguments: [-3, 0, 25])
    func splitsClamp(_ n: Int) {
        let (top, rest) = area.splitTop(n)
        #expect(top.height + rest.height == area.height)
        let (left, right) = area.splitRight(n)
        #expect(left.width + right.width == area.width)
    }

    @Test func insetAndRows() {
        #expect(area.inset(by: 1) == Rect(x: 3, y: 2, width: 18, height: 8))
        #expect(area.inset(by: 20).isEmpty)
        #expect(
            area.rows([1, 3, 100]) == [
                Rect(x: 2, y: 1, width: 20, height: 1), Rect(x: 2, y: 2, width: 20, height: 3),
                Rect(x: 2, y: 5, width: 20, height: 6),
            ])
        #expect(
            area.columns([5, 30]) == [Rect(x: 2, y: 1, width: 5, height: 10), Rect(x: 7, y: 1, width: 15, height: 10)])
    }

    @Test func centered() {
        #expect(area.centered(width: 10, height: 4) == Rect(x: 7, y: 4, width: 10, height: 4))
        #expect(area.centered(width: 50, height: 50) == area)
        #expect(
            Rect(x: 0, y: 0, width: 5, height: 5).centered(width: 2, height: 2) == Rect(x: 1, y: 1, width: 2, height: 2)
        )
    }

    @Test func intersectionAndContains() {
        #expect(area.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 1, width: 3, height: 4))
        #expect(area.intersection(Rect(x: 100, y: 100, width: 5, height: 5)).isEmpty)
        #expect(area.contains(x: 2, y: 1) && !area.contains(x: 22, y: 1))
    }
}
