//! The eframe adapter: opens the native window around [`QuoteApp`], keeps the session on exit,
//! and takes the `--screenshot` PNG.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use super::{AppSetup, QuoteApp, RfdDialogs, Tab, files};

/// How the window opens: the command line (`cli::window`) fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowOptions {
    /// Render the window once, save it as this PNG and exit.
    pub screenshot: Option<PathBuf>,
    /// A quote file (RON) to open instead of the last session.
    pub quote: Option<PathBuf>,
    /// The tab shown first.
    pub tab: Tab,
}

/// The frame on which the screenshot is asked for: late enough for layout and fonts to settle.
const SCREENSHOT_FRAME: u64 = 5;

/// Opens the window as `args` say and runs it until it closes.
pub fn run(args: WindowOptions) -> ExitCode {
    let screenshot_path = args.screenshot.clone();
    let taking_screenshot = screenshot_path.is_some();
    let setup = AppSetup {
        data_dir: if taking_screenshot {
            None
        } else {
            files::default_data_dir()
        },
        dialogs: Box::new(RfdDialogs),
        quote_path: args.quote.clone(),
        tab: args.tab,
        today: crate::formats::default_date(),
    };
    let screenshot = screenshot_path.map(|path| Screenshot {
        path,
        result: Arc::new(Mutex::new(None)),
    });
    let result_slot = screenshot.as_ref().map(|shot| Arc::clone(&shot.result));
    let mut options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("msp-quote")
            .with_app_id("msp-quote")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    // A screenshot must not depend on (or change) the user's saved window layout; its own
    // storage is removed when this function returns.
    let screenshot_storage = taking_screenshot
        .then(|| crate::formats::ScratchDir::for_this_process("msp-quote-screenshot"));
    if let Some(storage) = &screenshot_storage {
        options.persist_window = false;
        options.persistence_path = Some(storage.path().to_path_buf());
    }
    let outcome = eframe::run_native(
        "msp-quote",
        options,
        Box::new(move |_creation| {
            Ok(Box::new(WindowApp {
                app: QuoteApp::new(setup),
                screenshot,
                frames: 0,
            }))
        }),
    );
    if let Err(error) = outcome {
        eprintln!("error: cannot open the window: {error}");
        return ExitCode::from(2);
    }
    match result_slot {
        None => ExitCode::SUCCESS,
        Some(slot) => match slot.lock().ok().and_then(|mut result| result.take()) {
            Some(Ok(path)) => {
                println!("{}", path.display());
                ExitCode::SUCCESS
            }
            Some(Err(message)) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
            None => {
                eprintln!("error: the window closed before the screenshot was taken");
                ExitCode::from(2)
            }
        },
    }
}

/// A pending `--screenshot`: where to save it, and how it went.
struct Screenshot {
    path: PathBuf,
    result: Arc<Mutex<Option<Result<PathBuf, String>>>>,
}

/// [`QuoteApp`] inside eframe.
struct WindowApp {
    app: QuoteApp,
    screenshot: Option<Screenshot>,
    frames: u64,
}

impl eframe::App for WindowApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.show(ui);
        self.frames += 1;
        if let Some(shot) = &self.screenshot {
            let ctx = ui.ctx().clone();
            let done = shot.result.lock().map(|r| r.is_some()).unwrap_or(true);
            if done {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else if self.frames == SCREENSHOT_FRAME {
                let path = shot.path.clone();
                let slot = Arc::clone(&shot.result);
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let outcome = save_png(&path, &image).map(|()| path.clone());
                    if let Ok(mut slot) = slot.lock() {
                        *slot = Some(outcome);
                    }
                    repaint.request_repaint();
                });
            } else {
                ctx.request_repaint();
            }
        }
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.app.save_session();
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(5)
    }
}

/// Writes `image` to `path` as an 8-bit RGBA PNG, atomically.
fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let mut bytes = Vec::new();
    {
        let width = u32::try_from(width).map_err(|_| "screenshot too wide".to_string())?;
        let height = u32::try_from(height).map_err(|_| "screenshot too tall".to_string())?;
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .map_err(|error| format!("cannot encode the screenshot: {error}"))?;
        let pixels: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(|pixel| pixel.to_srgba_unmultiplied())
            .collect();
        writer
            .write_image_data(&pixels)
            .map_err(|error| format!("cannot encode the screenshot: {error}"))?;
    }
    crate::formats::write_atomically(path, &bytes)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}
