//! Texts of `coolplan generate`.

crate::texts! {
    /// Messages of the synthetic-site generator.
    Gen {
        Written => "{0}: synthetic site of {1} rack groups ({2} racks) in {3} halls, seed {4}", "{0}：合成站点，{1} 个机柜组（{2} 个机柜），{3} 个机房，种子 {4}";
        Unchanged => "{0}: already holds this synthetic site", "{0}：已是该合成站点";
        RefuseComments => "{0}: exists and holds // comments; choose another output file", "{0}：文件已存在且含有 // 注释；请换一个输出文件";
    }
}

#[cfg(test)]
mod tests {
    use super::Gen;
    use crate::Text;

    #[test]
    fn every_text_has_both_languages_and_the_same_placeholders() {
        for &key in Gen::all() {
            assert!(
                !key.en().trim().is_empty() && !key.zh().trim().is_empty(),
                "{}",
                key.name()
            );
            for i in 0..10 {
                let p = format!("{{{i}}}");
                assert_eq!(
                    key.en().contains(&p),
                    key.zh().contains(&p),
                    "{}: {p}",
                    key.name()
                );
            }
        }
    }
}
