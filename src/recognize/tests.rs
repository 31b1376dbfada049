// Table-driven tests live in tests/recognizers.rs; these check internals.
use super::*;

#[test]
fn ranges_take_the_scale_of_their_high_end() {
    let text = "guidance of $1.5-2 billion";
    let m = recognize(text, &[]);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].value.to_string(), "1500000000");
    assert_eq!(m[0].max.unwrap().to_string(), "2000000000");
}
