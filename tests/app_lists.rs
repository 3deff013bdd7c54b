//! The window's long lists: virtualised, filterable, editable (egui_kittest).
