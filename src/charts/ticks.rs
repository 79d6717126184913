//! Axis ticks in exported images: plotters picks round values, and each is
//! written without a needless ".0" ("£10m", "500", "0%"), as the window does.

/// `text` with every ".0" that ends a number removed: "£10.0m" -> "£10m",
/// "500.0" -> "500"; "12.5" and "£1.05m" stay.
pub fn without_needless_decimals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        let zeros = chars[index + 1..].iter().take_while(|c| **c == '0').count();
        let after = chars.get(index + 1 + zeros);
        let ends_number = !after.is_some_and(char::is_ascii_digit);
        let after_digit = index > 0 && chars[index - 1].is_ascii_digit();
        if chars[index] == '.' && after_digit && zeros > 0 && ends_number {
            index += 1 + zeros;
        } else {
            out.push(chars[index]);
            index += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_decimals_that_say_nothing_go() {
        assert_eq!(without_needless_decimals("£10.0m"), "£10m");
        assert_eq!(without_needless_decimals("500.0"), "500");
        assert_eq!(without_needless_decimals("1,500.0"), "1,500");
        assert_eq!(without_needless_decimals("0.0%"), "0%");
        assert_eq!(without_needless_decimals("£12.5m"), "£12.5m");
        assert_eq!(without_needless_decimals("£1.05m"), "£1.05m");
        assert_eq!(without_needless_decimals("21.3"), "21.3");
        assert_eq!(without_needless_decimals("£950"), "£950");
    }
}
