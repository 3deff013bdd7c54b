//! The price-book editor in the window (egui_kittest).
