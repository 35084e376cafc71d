//! Save errors worded: what was refused or failed, with the cause the system gave.

use coolplan_io::SaveError;
use coolplan_io::load::MAX_FILE_BYTES;

use super::Say;
use crate::files::Files;
use crate::validation::Val;
use crate::{Lang, Text};

impl Say for SaveError {
    fn say(&self, lang: Lang) -> String {
        match self {
            SaveError::Io { path, source } => Val::SaveIo.fmt(lang, &[&path.display(), source]),
            SaveError::Serialize(e) => Val::SaveSerialize.fmt(lang, &[e]),
            SaveError::NoFileName(path) => Val::SaveNoFileName.fmt(lang, &[&path.display()]),
            SaveError::ReadOnly { path } => Files::ReadOnly.fmt(lang, &[&path.display()]),
            SaveError::NotAFile { path, what } => {
                Files::NotAFile.fmt(lang, &[&path.display(), &what.say(lang)])
            }
            SaveError::ChangedOnDisk { path } => Files::ChangedOnDisk.fmt(lang, &[&path.display()]),
            SaveError::Locked { path } => Files::Locked.fmt(lang, &[&path.display()]),
            SaveError::TooLarge { path, size } => {
                Files::TooLarge.fmt(lang, &[&path.display(), size, &MAX_FILE_BYTES])
            }
        }
    }
}
