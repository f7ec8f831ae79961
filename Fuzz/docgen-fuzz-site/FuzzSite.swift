import CLibFuzzer
import DocgenFuzzing

// libFuzzer over a tiny site: a page, an include and a toc.yml (see FuzzInput.Target.site).

/// The input callback libFuzzer calls.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSiteInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzHarness.run(.site, bytes, count)
    return 0
}

/// The entry point SwiftPM links as `main` (it names an executable's entry point after its
/// module); it hands over to libFuzzer's driver, as libFuzzer's own main would.
@_cdecl("docgen_fuzz_site_main")
public func fuzzSiteMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in fuzzSiteInput(bytes, count) }
}
