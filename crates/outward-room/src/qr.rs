//! The join address as a QR code, in SVG, for the facilitator's join panel.

use qrcode::QrCode;
use qrcode::render::svg;

/// `address` as an SVG QR code (dark modules on white, with a quiet zone), or `None` if it is
/// too long for one.
pub fn svg(address: &str) -> Option<String> {
    let code = QrCode::new(address.as_bytes()).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}
