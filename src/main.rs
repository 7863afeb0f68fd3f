//! The browser entry point, built by Trunk.

fn main() {
    #[cfg(target_arch = "wasm32")]
    probation_workbook::ui::mount();
}
