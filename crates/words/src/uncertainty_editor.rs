//! Texts of the uncertainty editor in the Analysis view: the site's uncertain inputs, their
//! distributions and bounds. The problems of a range are the file's own ([`crate::say`]).

crate::texts! {
    /// The uncertainty editor.
    Unc {
        Heading => "Uncertain inputs", "不确定输入项";
        Hint => "The ranges the sensitivity (tornado) and the Monte Carlo vary. Each change is checked as the site file is; one that the file would refuse is not applied.", "敏感性分析（龙卷风图）与蒙特卡洛所变动的取值范围。每次修改均按站点文件的规则校核；文件不接受的修改不会生效。";
        NoInputs => "No uncertain inputs yet: add one below.", "尚无不确定输入项：请在下方添加。";
        Add => "Add an uncertain input…", "添加不确定输入项…";
        Find => "Find an input by name or key", "按名称或键查找输入项";
        Input => "Input", "输入项";
        Now => "Value now", "当前取值";
        Distribution => "Distribution", "分布";
        DistributionOf => "Distribution of {0}", "{0}的分布";
        Range => "Range", "取值范围";
        Percent => "± % of the value (uniform)", "当前取值 ± %（均匀分布）";
        Uniform => "Uniform between low and high", "均匀分布（下限至上限）";
        Triangular => "Triangular (low, most likely, high)", "三角分布（下限、最可能值、上限）";
        PlusMinus => "± %", "± %";
        Low => "low", "下限";
        Mode => "most likely", "最可能值";
        High => "high", "上限";
        Remove => "Remove", "移除";
        RemoveHint => "Remove {0} from the uncertain inputs", "从不确定输入项中移除 {0}";
    }
}
