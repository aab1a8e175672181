/// A fixed-size buffer owned by a class: scratch memory of a hot loop. Its `pointer` can be
/// written through while other scratch buffers of the same owner are in use, which Swift's
/// exclusivity rules forbid for arrays stored in one struct. Not thread-safe: one run, one
/// thread.
final class ScratchBuffer<Element> {
    /// The first element.
    let pointer: UnsafeMutablePointer<Element>
    /// Elements in the buffer.
    let count: Int

    /// `count` copies of `value` (count ≥ 0).
    init(repeating value: Element, count: Int) {
        self.count = count
        pointer = UnsafeMutablePointer<Element>.allocate(capacity: max(1, count))
        pointer.initialize(repeating: value, count: max(1, count))
    }

    deinit {
        pointer.deinitialize(count: max(1, count))
        pointer.deallocate()
    }

    /// The elements as an array (for tests and reports).
    var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
