//! The one writer for every file the program writes: scenarios, CSV, HTML, PNG,
//! recovery copies and preferences, from the window and the command line alike.
//!
//! What is at the path decides how it is written:
//! - nothing, or a regular file: the new content goes to a temporary file with an
//!   unpredictable name in the same folder (created exclusively, never through a
//!   link), is synced, and is renamed over the path in one step, so the old file
//!   stays whole if anything fails. The replaced file's permission bits and, where
//!   the program may set it, its owner are kept. A file with several names (hard
//!   links) is rewritten in place instead, so that every name sees the new version;
//! - a symbolic link: followed, so the file it points to is written and the link
//!   stays (a dangling link creates its target);
//! - a pipe, a terminal or another character device, or a socket: written to
//!   directly and never replaced;
//! - a read-only file, a folder or a disk (block device): refused, with the reason.

use std::fs::{File, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Links followed before giving up, as the system itself does (Linux: 40).
const MAX_LINKS_FOLLOWED: usize = 40;

/// Temporary files are named `.caseload-XXXXXXXXXXXX.tmp`, twelve random letters
/// and digits: short, so a file name of the full 255 bytes can still be written
/// beside it, and exact, so no file of a person's own is taken for one.
const TEMPORARY_PREFIX: &str = ".caseload-";
const TEMPORARY_SUFFIX: &str = ".tmp";
const TEMPORARY_RANDOM_CHARACTERS: usize = 12;

/// A temporary file older than this, and not locked by a running write, was left
/// by a write that was killed; the next write to its folder removes it.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

/// Where files cannot be locked (some shared drives), a temporary file is taken
/// to be left behind only once it is this old: no write takes an hour.
const STALE_WITHOUT_LOCKS_AFTER: std::time::Duration = std::time::Duration::from_secs(3_600);

/// The longest file name most file systems allow, in bytes.
const MAX_FILE_NAME_BYTES: usize = 255;

/// Why a file could not be written. Nothing at the path was changed.
#[derive(Debug, thiserror::Error)]
#[error("could not write {}: {}", path.display(), reason)]
pub struct WriteError {
    pub path: PathBuf,
    pub reason: WriteFailure,
}

/// What stopped a write, in words a finance officer can act on.
#[derive(Debug, thiserror::Error)]
pub enum WriteFailure {
    #[error("the file is read-only (save it under another name, or make it writable first)")]
    ReadOnly,
    #[error(
        "you may not change this file (it belongs to someone else); save it under another name"
    )]
    NotYours,
    #[error("a folder of that name is in the way")]
    FolderInTheWay,
    #[error("it is a disk (a block device), not a file")]
    BlockDevice,
    #[error("it is a link that leads round in a circle or through too many links")]
    TooManyLinks,
    #[error("the path names a folder, not a file")]
    NoFileName,
    #[error(
        "it is a link in a shared folder, and it belongs to someone else: it is not followed (write to the file it leads to instead)"
    )]
    SomeoneElsesLink,
    /// Refused by the file itself although its folder takes new files: it is
    /// immutable (`chattr +i`) or, in a shared folder, someone else's.
    #[error(
        "the file is locked against changes (marked immutable with chattr +i, or someone else's in a shared folder), though the folder accepts new files; save under another name"
    )]
    Locked,
    #[error("the previous version could not be kept as {name}: {reason}")]
    Backup {
        name: String,
        reason: Box<WriteFailure>,
    },
    #[error("{}", describe_write_error(.0))]
    Io(#[from] std::io::Error),
}

impl WriteFailure {
    /// Whether writing under another name could work: the file itself is protected.
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            WriteFailure::ReadOnly | WriteFailure::NotYours | WriteFailure::Locked
        )
    }
}

/// Why a file could not be written, in words a finance officer can act on.
pub fn describe_write_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "the folder does not exist (was it moved or deleted?)".to_owned(),
        ErrorKind::PermissionDenied => {
            "you may not write here (the folder is read-only or belongs to someone else, or the file is protected from changes)"
                .to_owned()
        }
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "the disk is full (or your space on it is used up)".to_owned()
        }
        ErrorKind::IsADirectory => "a folder of that name is in the way".to_owned(),
        ErrorKind::NotADirectory => "a file stands where a folder is needed".to_owned(),
        ErrorKind::InvalidFilename => format!(
            "the name is too long or not allowed here (at most {MAX_FILE_NAME_BYTES} bytes a name, and a whole path of at most 4,096)"
        ),
        ErrorKind::ResourceBusy => "the system is using it (it may be a mount point)".to_owned(),
        ErrorKind::ConnectionRefused => "nothing is listening on that socket".to_owned(),
        ErrorKind::BrokenPipe => "the program reading from it has stopped".to_owned(),
        _ => error.to_string(),
    }
}

/// Writes `bytes` to `path` as the module documentation describes.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write(path, bytes, false)
}

/// Like [`write_file`], and first keeps the file being replaced as
/// [`backup_path`] (`NAME.ron.bak`): always a real copy, never a second name
/// for the live file.
pub fn write_file_keeping_backup(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write(path, bytes, true)
}

/// Where the previous version of a saved file is kept: `NAME.ron.bak`, with the
/// name shortened where `.bak` would make it longer than a file name may be.
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut end = name.len().min(MAX_FILE_NAME_BYTES - ".bak".len());
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    path.with_file_name(format!("{}.bak", &name[..end]))
}

fn write(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), WriteError> {
    let failed = |reason: WriteFailure| WriteError {
        path: path.to_owned(),
        reason,
    };
    match destination(path).map_err(failed)? {
        Destination::Stream => stream(path, bytes).map_err(|error| failed(error.into())),
        Destination::File {
            path: real,
            existing,
        } => {
            let several_names = existing.as_ref().is_some_and(has_several_names);
            if keep_backup && let Some(existing) = &existing {
                keep_backup_copy(&real, existing).map_err(failed)?;
            }
            if several_names {
                rewrite_in_place(&real, bytes).map_err(WriteFailure::from)
            } else {
                replace(&real, existing.as_ref(), bytes)
            }
            .map_err(failed)
        }
    }
}

/// What a path leads to, once links are followed.
enum Destination {
    /// A new file or a regular file, at `path` (the link's target for a link).
    File {
        path: PathBuf,
        existing: Option<Metadata>,
    },
    /// A pipe, a character device or a socket: written to, never replaced.
    Stream,
}

fn destination(path: &Path) -> Result<Destination, WriteFailure> {
    let ends_in_separator = path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator);
    if path.file_name().is_none() || ends_in_separator {
        return Err(WriteFailure::NoFileName);
    }
    let mut current = path.to_owned();
    for _ in 0..=MAX_LINKS_FOLLOWED {
        // `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: the system's own links
        // to files already open, which may be pipes or files with no name left.
        // Only the system can follow them; what they lead to is added to, never
        // replaced.
        if is_link_to_an_open_file(&current) {
            return Ok(Destination::Stream);
        }
        let metadata = match std::fs::symlink_metadata(&current) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Destination::File {
                    path: current,
                    existing: None,
                });
            }
            Err(error) => return Err(error.into()),
        };
        let kind = metadata.file_type();
        if kind.is_symlink() {
            if !may_follow(&current, &metadata) {
                return Err(WriteFailure::SomeoneElsesLink);
            }
            let target = std::fs::read_link(&current)?;
            // A relative target is relative to the link's own folder.
            current = match current.parent() {
                Some(folder) => folder.join(target),
                None => target,
            };
            continue;
        }
        if kind.is_dir() {
            return Err(WriteFailure::FolderInTheWay);
        }
        if kind.is_file() {
            if metadata.permissions().readonly() {
                return Err(WriteFailure::ReadOnly);
            }
            may_change(&current)?;
            return Ok(Destination::File {
                path: current,
                existing: Some(metadata),
            });
        }
        return special_destination(&metadata);
    }
    Err(WriteFailure::TooManyLinks)
}

/// Whether `path` is one of the system's links to an open file: in `/proc`
/// or `/dev/fd`.
fn is_link_to_an_open_file(path: &Path) -> bool {
    cfg!(unix) && (path.starts_with("/proc") || path.starts_with("/dev/fd"))
}

/// Whether this person may change the file at `path` (as `>` in a shell would):
/// a file they may not open for writing is not replaced behind its owner's back
/// just because its folder lets them.
fn may_change(path: &Path) -> Result<(), WriteFailure> {
    match std::fs::OpenOptions::new().write(true).open(path) {
        // "Operation not permitted": the file itself is locked (immutable or
        // append-only), whatever its permissions say.
        Err(error) if error.raw_os_error() == Some(EPERM) => Err(WriteFailure::Locked),
        Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
            Err(WriteFailure::NotYours)
        }
        _ => Ok(()),
    }
}

/// The system's "operation not permitted" (the same number on every Unix).
const EPERM: i32 = 1;

/// Whether a link may be followed, by the rule Linux applies with
/// `fs.protected_symlinks`: in a folder anyone may write to but only owners may
/// delete from (`/tmp`), a link is followed only if it is the person's own or
/// the folder owner's. Otherwise another user could plant a link there and have
/// this program write over a file of their choosing.
#[cfg(unix)]
fn may_follow(link: &Path, link_metadata: &Metadata) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Some(folder) = link.parent().map(folder_or_here) else {
        return true;
    };
    let Ok(folder) = std::fs::metadata(folder) else {
        return true;
    };
    let mode = folder.permissions().mode();
    let shared = mode & 0o1000 != 0 && mode & 0o002 != 0;
    let person = rustix::process::geteuid().as_raw();
    !shared || link_metadata.uid() == person || link_metadata.uid() == folder.uid()
}

#[cfg(not(unix))]
fn may_follow(_link: &Path, _link_metadata: &Metadata) -> bool {
    true
}

/// An empty folder part (`out.csv` has `""`) means the current folder.
fn folder_or_here(folder: &Path) -> &Path {
    if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    }
}

#[cfg(unix)]
fn special_destination(metadata: &Metadata) -> Result<Destination, WriteFailure> {
    use std::os::unix::fs::FileTypeExt;
    if metadata.file_type().is_block_device() {
        Err(WriteFailure::BlockDevice)
    } else {
        Ok(Destination::Stream)
    }
}

#[cfg(not(unix))]
fn special_destination(_metadata: &Metadata) -> Result<Destination, WriteFailure> {
    Ok(Destination::Stream)
}

#[cfg(unix)]
fn has_several_names(metadata: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    metadata.nlink() > 1
}

#[cfg(not(unix))]
fn has_several_names(_metadata: &Metadata) -> bool {
    false
}

/// Writes to a pipe, terminal or socket as it is: nothing to replace, nothing to
/// keep. Opening a pipe waits for a reader, as the shell's `>` does.
fn stream(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        // A socket cannot be opened as a file: it is connected to.
        if std::fs::metadata(path)?.file_type().is_socket() {
            let mut socket = std::os::unix::net::UnixStream::connect(path)?;
            socket.write_all(bytes)?;
            return socket.flush();
        }
    }
    // Added at the end: a file reached through /proc or /dev/fd may already hold
    // what was written to it before.
    let mut stream = std::fs::OpenOptions::new().append(true).open(path)?;
    stream.write_all(bytes)?;
    stream.flush()
}

fn folder_of(path: &Path) -> PathBuf {
    folder_or_here(path.parent().unwrap_or(Path::new(""))).to_owned()
}

/// Replaces `path` (a regular file or nothing) in one step through a temporary
/// file in the same folder.
fn replace(path: &Path, existing: Option<&Metadata>, bytes: &[u8]) -> Result<(), WriteFailure> {
    let folder = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .rand_bytes(TEMPORARY_RANDOM_CHARACTERS);
    // A new file gets the permissions any new file gets (0666 less the umask);
    // the temporary file's own 0600 would otherwise stay.
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(&folder)?;
    // Held until the rename: a temporary file nobody holds was left by a write
    // that was killed, and is cleared by the next write to this folder. Some
    // shared drives cannot lock; the write goes ahead without.
    let _ = temporary.as_file().lock();
    clear_stale_temporaries(&folder);
    temporary.write_all(bytes)?;
    if let Some(existing) = existing {
        keep_owner_and_permissions(temporary.as_file(), existing)?;
    }
    temporary.as_file().sync_all()?;
    // The folder took the temporary file: a refusal now comes from the old one.
    temporary.persist(path).map_err(|error| {
        if error.error.kind() == std::io::ErrorKind::PermissionDenied {
            WriteFailure::Locked
        } else {
            error.error.into()
        }
    })?;
    sync_folder(&folder);
    Ok(())
}

/// Gives the new file the old one's owner (where this program may) and
/// permission bits.
fn keep_owner_and_permissions(file: &File, existing: &Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if (new.uid(), new.gid()) != (existing.uid(), existing.gid()) {
            // Only root may give a file away; anyone may keep the group if they
            // belong to it. Where neither is allowed the file is still written.
            if std::os::unix::fs::fchown(file, Some(existing.uid()), Some(existing.gid())).is_err()
            {
                let _ = std::os::unix::fs::fchown(file, None, Some(existing.gid()));
            }
        }
    }
    // After the owner: changing the owner clears the set-id bits.
    file.set_permissions(existing.permissions())
}

/// Rewrites a file with several names where it is, so every name sees the new
/// version. Other writes through this program wait their turn (the file is
/// locked meanwhile); the old content, where it may be read, is put back if
/// the write fails. A scenario's previous version is in `NAME.bak` before this
/// starts, so not even a write cut short by a crash loses it.
fn rewrite_in_place(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    clear_stale_temporaries(&folder_of(path));
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    let _ = file.lock();
    // A write-only file cannot be read back: then there is nothing to put back.
    let old = std::fs::read(path).ok();
    let written = (|| {
        file.set_len(0)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if written.is_err()
        && let Some(old) = old
    {
        use std::io::Seek;
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = file.write_all(&old);
        let _ = file.sync_all();
    }
    written
}

/// Keeps the file about to be replaced as `NAME.bak`, a copy written like any
/// other file (so a `.bak` that is a link is followed, not replaced).
fn keep_backup_copy(path: &Path, existing: &Metadata) -> Result<(), WriteFailure> {
    let backup = backup_path(path);
    let copied = (|| {
        let old = std::fs::read(path)?;
        match destination(&backup)? {
            // The copy is as private as the file it copies.
            Destination::File { path, existing: _ } => replace(&path, Some(existing), &old)?,
            Destination::Stream => stream(&backup, &old)?,
        }
        Ok(())
    })();
    copied.map_err(|reason| WriteFailure::Backup {
        name: backup
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        reason: Box::new(reason),
    })
}

/// The renames are only durable once the folder itself is synced; some file
/// systems cannot sync a folder, which does not make the write fail.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// Whether `name` is one of this writer's temporary files.
fn is_temporary_file_name(name: &str) -> bool {
    name.strip_prefix(TEMPORARY_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMPORARY_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMPORARY_RANDOM_CHARACTERS
                && random.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Whether this program, as the person running it, made the file: only their
/// own temporary files are cleared, even when run as root in a shared folder.
#[cfg(unix)]
fn made_by_this_person(metadata: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    metadata.uid() == rustix::process::geteuid().as_raw()
}

#[cfg(not(unix))]
fn made_by_this_person(_metadata: &Metadata) -> bool {
    true
}

/// Removes temporary files that writes killed part way left in `folder`: the
/// person's own, that no running write holds and that were last touched a
/// while ago.
fn clear_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_temporary_file_name) {
            continue;
        }
        let path = entry.path();
        // Never follow a link planted on the name: only plain files are ours.
        let Ok(metadata) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let age = metadata
            .modified()
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .unwrap_or_default();
        if !metadata.is_file() || age < STALE_AFTER || !made_by_this_person(&metadata) {
            continue;
        }
        let Ok(file) = File::open(&path) else {
            continue;
        };
        let left_behind = match file.try_lock() {
            Ok(()) => true,
            Err(std::fs::TryLockError::WouldBlock) => false,
            Err(std::fs::TryLockError::Error(_)) => age >= STALE_WITHOUT_LOCKS_AFTER,
        };
        if left_behind {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Whether two paths lead to the same file, existing or about to be created:
/// through links, `..`, and other names for it (hard links, `/dev/stdout`).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (FileIdentity::of(a), FileIdentity::of(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

#[derive(PartialEq, Eq)]
enum FileIdentity {
    /// An existing file: its device and node number.
    #[cfg(unix)]
    Node { device: u64, node: u64 },
    /// A file about to be created: its folder (by device and node, so that two
    /// ways into one folder agree) and its name.
    #[cfg(unix)]
    InFolder {
        device: u64,
        node: u64,
        name: std::ffi::OsString,
    },
    /// Off Unix: the full path.
    #[cfg(not(unix))]
    Path(PathBuf),
}

impl FileIdentity {
    #[cfg(unix)]
    fn of(path: &Path) -> Option<Self> {
        use std::os::unix::fs::MetadataExt;
        if let Ok(metadata) = std::fs::metadata(path) {
            return Some(Self::Node {
                device: metadata.dev(),
                node: metadata.ino(),
            });
        }
        // Not there yet: where it would be created, following a dangling link.
        let Ok(Destination::File { path, .. }) = destination(path) else {
            return None;
        };
        let folder = std::fs::metadata(folder_of(&path)).ok()?;
        Some(Self::InFolder {
            device: folder.dev(),
            node: folder.ino(),
            name: path.file_name()?.to_owned(),
        })
    }

    #[cfg(not(unix))]
    fn of(path: &Path) -> Option<Self> {
        if std::fs::metadata(path).is_ok() {
            return std::fs::canonicalize(path).ok().map(Self::Path);
        }
        let Ok(Destination::File { path, .. }) = destination(path) else {
            return None;
        };
        let folder = std::fs::canonicalize(folder_of(&path)).ok()?;
        Some(Self::Path(folder.join(path.file_name()?)))
    }
}

/// Whether `path` leads to the file `open` already has open (for the command
/// line: whether an output named by path is in fact its standard output).
#[cfg(unix)]
pub fn is_open_file(path: &Path, open: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(path), open.metadata()) {
        (Ok(named), Ok(open)) => (named.dev(), named.ino()) == (open.dev(), open.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
pub fn is_open_file(_path: &Path, _open: &File) -> bool {
    false
}
