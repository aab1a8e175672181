/// exp, log, sin and cos written out in Swift, for every transcendental the learned worlds use.
///
/// Why not the C library: glibc picks its `exp`, `log`, `sin`, `cos`, `pow` (and `expf`, …)
/// implementation by CPU at load time (`__sin_fma` on a CPU with FMA, another without), and the
/// variants are not promised to agree to the last bit. Written out here — range reduction and a
/// polynomial in separate multiplies and adds, which the compiler does not fuse — every result is
/// the same on every x86_64 (and arm64) machine. They are also 3–5× faster than the library
/// calls.
///
/// Accuracy (tests compare with the C library over many points): `log` within 4 ulp, `exp` within 2 ulp,
/// `sinCosTwoPi` within 1e-15 absolute; `Float` `exp` within 2 ulp of the rounded true value.
enum DeterministicMath {
    static let ln2High = 6.93147180369123816490e-01  // ln 2 to 32 bits: k·ln2High is exact for |k| < 2²⁰
    static let ln2Low = 1.90821492927058770002e-10
    static let log2e = 1.4426950408889634

    /// ln x for a positive normal x (the ziggurat takes x in [2⁻⁵³, 1]): x = m·2ᵉ with
    /// m in [√½, √2), ln m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.1716, by its series to s²¹.
    @inline(__always)
    static func log(_ x: Double) -> Double {
        let bits = x.bitPattern
        var exponent = Int((bits >> 52) & 0x7FF) - 1023
        var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if m > 1.4142135623730951 {
            m *= 0.5
            exponent += 1
        }
        let s = (m - 1) / (m + 1), s2 = s * s
        var p = 1.0 / 21
        p = p * s2 + 1.0 / 19
        p = p * s2 + 1.0 / 17
        p = p * s2 + 1.0 / 15
        p = p * s2 + 1.0 / 13
        p = p * s2 + 1.0 / 11
        p = p * s2 + 1.0 / 9
        p = p * s2 + 1.0 / 7
        p = p * s2 + 1.0 / 5
        p = p * s2 + 1.0 / 3
        let e = Double(exponent)
        return e * ln2High + (e * ln2Low + 2 * s * (1 + s2 * p))
    }

    /// (cos 2πu, sin 2πu) for u in [0, 1). The reduction is exact: v = 4u, quadrant q = ⌊v⌋,
    /// φ = (v − q − ½)·π/2 in [−π/4, π/4); the angle is q·π/2 + π/4 + φ. Taylor series of sin φ and
    /// cos φ to φ¹⁷ and φ¹⁸, then the rotation by π/4 and the quadrant.
    @inline(__always)
    static func sinCosTwoPi(_ u: Double) -> (cos: Double, sin: Double) {
        let v = 4 * u
        let quadrant = Int(v)
        let phi = (v - Double(quadrant) - 0.5) * (Double.pi / 2)
        let p2 = phi * phi
        var s = -1.0 / 355_687_428_096_000       // −1/17!
        s = s * p2 + 1.0 / 1_307_674_368_000     // 1/15!
        s = s * p2 - 1.0 / 6_227_020_800         // −1/13!
        s = s * p2 + 1.0 / 39_916_800            // 1/11!
        s = s * p2 - 1.0 / 362_880               // −1/9!
        s = s * p2 + 1.0 / 5040
        s = s * p2 - 1.0 / 120
        s = s * p2 + 1.0 / 6
        let sinPhi = phi - phi * p2 * s
        var c = 1.0 / 6_402_373_705_728_000      // 1/18!
        c = c * p2 - 1.0 / 20_922_789_888_000    // −1/16!
        c = c * p2 + 1.0 / 87_178_291_200        // 1/14!
        c = c * p2 - 1.0 / 479_001_600           // −1/12!
        c = c * p2 + 1.0 / 3_628_800             // 1/10!
        c = c * p2 - 1.0 / 40320
        c = c * p2 + 1.0 / 720
        c = c * p2 - 1.0 / 24
        c = c * p2 + 0.5
        let cosPhi = 1 - p2 * c
        let root = 0.7071067811865476  // √½
        let c0 = (cosPhi - sinPhi) * root, s0 = (sinPhi + cosPhi) * root
        switch quadrant {
        case 0: return (c0, s0)
        case 1: return (-s0, c0)
        case 2: return (-c0, -s0)
        default: return (s0, -c0)
        }
    }

    /// e^x: x = k·ln 2 + r with |r| ≤ ½ln 2, e^r by its Taylor series to r¹³, times 2ᵏ built
    /// from bits. 0 below −708, +∞ above 709.
    @inline(__always)
    static func exp(_ x: Double) -> Double {
        if x < -708 { return 0 }
        if x > 709 { return .infinity }
        if x.isNaN { return x }
        let k = Int(x * log2e + (x >= 0 ? 0.5 : -0.5))
        let kd = Double(k)
        let r = (x - kd * ln2High) - kd * ln2Low
        var p = 1.0 / 6_227_020_800
        p = p * r + 1.0 / 479_001_600
        p = p * r + 1.0 / 39_916_800
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40320
        p = p * r + 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // 2ᵏ in two factors, so k down to −1074 + 52 and up to 1023 stay representable.
        let half = k / 2
        return p * Double(bitPattern: UInt64(1023 + half) << 52) * Double(bitPattern: UInt64(1023 + k - half) << 52)
    }

    /// e^x in `Float`: the same reduction with a degree-7 polynomial. 0 below −103, +∞ above 88.7.
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        if x < -103 { return 0 }
        if x > 88.72 { return .infinity }
        if x.isNaN { return x }
        let k = Int(x * 1.442695 + (x >= 0 ? 0.5 : -0.5))
        let kf = Float(k)
        let r = (x - kf * 0.693359375) + kf * 2.12194440e-4  // ln 2 = 0.693359375 − 2.12194440e-4 (Cephes); 355/512 is exact
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let half = k / 2
        return p * Float(bitPattern: UInt32(127 + half) << 23) * Float(bitPattern: UInt32(127 + k - half) << 23)
    }
}
