//! Can the system's file dialog be shown here? On Linux rfd asks the desktop's
//! file-chooser portal over D-Bus, else runs `zenity`; with neither it returns
//! nothing at once, just as if the person had cancelled. So the app asks first,
//! and uses its own chooser when the answer is no.

use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

/// How long to wait for the portal to answer (it may be started on demand).
const PORTAL_TIMEOUT: Duration = Duration::from_secs(3);

/// Whether rfd's dialogs can be shown on this computer now.
pub fn system_dialogs_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    file_chooser_portal_answers(None, PORTAL_TIMEOUT)
        || program_on_path("zenity", std::env::var_os("PATH").as_deref())
}

/// Whether the desktop portal on the bus at `address` (the session bus when `None`)
/// offers a file chooser. The portal is exported without its FileChooser interface
/// when no desktop backend provides one, so the interface itself is asked for.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn file_chooser_portal_answers(address: Option<&str>, timeout: Duration) -> bool {
    let (answer, answered) = std::sync::mpsc::channel();
    let address = address.map(str::to_owned);
    // A thread of its own, so that a bus that never answers costs only the timeout.
    let asked = std::thread::Builder::new()
        .name("file chooser portal check".to_owned())
        .spawn(move || {
            let reachable = async_io::block_on(ask_portal(address, timeout));
            // The receiver may have stopped waiting: nothing to tell then.
            let _ = answer.send(reachable);
        });
    asked.is_ok() && answered.recv_timeout(timeout).unwrap_or(false)
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn file_chooser_portal_answers(_address: Option<&str>, _timeout: Duration) -> bool {
    false
}

#[cfg(all(unix, not(target_os = "macos")))]
async fn ask_portal(address: Option<String>, timeout: Duration) -> bool {
    let builder = match address.as_deref() {
        Some(address) => zbus::connection::Builder::address(address),
        None => zbus::connection::Builder::session(),
    };
    let Ok(builder) = builder else {
        return false;
    };
    let Ok(connection) = builder.method_timeout(timeout).build().await else {
        return false;
    };
    connection
        .call_method(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await
        .is_ok()
}

/// Whether an executable file called `program` is in one of the folders of `path_var`
/// (a `PATH` value).
pub fn program_on_path(program: &str, path_var: Option<&OsStr>) -> bool {
    path_var.is_some_and(|path_var| {
        std::env::split_paths(path_var).any(|folder| is_executable(&folder.join(program)))
    })
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .is_ok_and(|metadata| metadata.is_file() && metadata.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// A private bus (`dbus-daemon`, installed by `.ci/run`), stopped when dropped.
    struct PrivateBus {
        daemon: std::process::Child,
        address: String,
        _folder: tempfile::TempDir,
    }

    impl PrivateBus {
        fn start() -> Self {
            use std::io::BufRead;
            let folder = tempfile::tempdir().expect("a temporary folder for the bus");
            let mut daemon = std::process::Command::new("dbus-daemon")
                .arg("--session")
                .arg("--nofork")
                .arg("--print-address=1")
                .arg(format!(
                    "--address=unix:path={}",
                    folder.path().join("bus").display()
                ))
                .stdout(std::process::Stdio::piped())
                // It warns when it may not raise its file limit, as in containers.
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("dbus-daemon runs (package dbus-daemon)");
            let mut address = String::new();
            let printed = daemon.stdout.take().expect("the bus's output is piped");
            std::io::BufReader::new(printed)
                .read_line(&mut address)
                .expect("dbus-daemon prints its address");
            Self {
                daemon,
                address: address.trim().to_owned(),
                _folder: folder,
            }
        }
    }

    impl Drop for PrivateBus {
        fn drop(&mut self) {
            let _ = self.daemon.kill();
            let _ = self.daemon.wait();
        }
    }

    /// The portal as a desktop without a file-chooser backend exports it.
    struct OtherPortal;

    #[zbus::interface(name = "org.freedesktop.portal.Settings")]
    impl OtherPortal {
        // Spelt as the portals spell it (zbus would say "Version").
        #[zbus(property, name = "version")]
        fn version(&self) -> u32 {
            2
        }
    }

    struct FileChooserPortal;

    #[zbus::interface(name = "org.freedesktop.portal.FileChooser")]
    impl FileChooserPortal {
        // Spelt as the portals spell it (zbus would say "Version").
        #[zbus(property, name = "version")]
        fn version(&self) -> u32 {
            4
        }
    }

    #[test]
    fn the_portal_counts_only_with_its_file_chooser() {
        let bus = PrivateBus::start();
        let path = "/org/freedesktop/portal/desktop";
        let timeout = Duration::from_secs(3);
        // No portal on the bus at all.
        assert!(!file_chooser_portal_answers(Some(&bus.address), timeout));
        let portal = async_io::block_on(async {
            zbus::connection::Builder::address(bus.address.as_str())
                .unwrap()
                .name("org.freedesktop.portal.Desktop")
                .unwrap()
                .serve_at(path, OtherPortal)
                .unwrap()
                .build()
                .await
                .unwrap()
        });
        // A portal, but no desktop backend gives it a file chooser.
        assert!(!file_chooser_portal_answers(Some(&bus.address), timeout));
        let added = async_io::block_on(portal.object_server().at(path, FileChooserPortal));
        assert!(added.unwrap());
        assert!(file_chooser_portal_answers(Some(&bus.address), timeout));
    }

    #[test]
    fn a_bus_that_is_not_there_means_no_portal() {
        let missing = tempfile::tempdir().unwrap();
        let address = format!("unix:path={}", missing.path().join("bus").display());
        assert!(!file_chooser_portal_answers(
            Some(&address),
            Duration::from_secs(2)
        ));
    }

    #[test]
    fn a_program_is_found_only_where_it_is_executable() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let program = folder.path().join("zenity");
        std::fs::write(&program, "#!/bin/sh\n").unwrap();
        let path_var = std::env::join_paths([other.path(), folder.path()]).unwrap();

        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(!program_on_path("zenity", Some(&path_var)));

        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(program_on_path("zenity", Some(&path_var)));
        assert!(!program_on_path("zenity", Some(other.path().as_os_str())));
        assert!(!program_on_path("zenity", None));
    }
}
