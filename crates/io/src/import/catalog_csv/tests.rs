use super::*;
use coolplan_model::Catalog;
use coolplan_units::{LengthUnit, MassUnit, PowerUnit, TimeUnit};

#[test]
fn the_shipped_catalog_round_trips_through_csv() {
    let catalog = Catalog::builtin();
    let text = export_catalog(catalog.models());
    let read = read_catalog(&text).unwrap();
    assert!(read.rejected.is_empty(), "{:#?}", read.rejected);
    assert_eq!(read.models, catalog.models());
    // One row per model plus one per further source, and the header.
    let sources: usize = catalog
        .models()
        .iter()
        .map(|m| m.sources.len().max(1))
        .sum();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.records().count(), sources);
    // Writing what was read gives the same text.
    assert_eq!(export_catalog(&read.models), text);
}

#[test]
fn a_vendor_sheet_reads_with_header_units_percentages_and_any_column_order() {
    let text = "Name,ID,Vendor,Kind,Height (U),Max power (W),Utilisation,Fan share,\
                Cold plate capture,Cold plate,Immersion,Weight (lb),Service life (year),Kit cost,Aliases\n\
                Nettrix X640 G40,nettrix-x640-g40,Nettrix,GPU,4,6500,70 %,12%,0.8,retrofit,with prep,220,5,\
                cny 20000; 2800 USD,X640 G40; X640-G40\n";
    let read = read_catalog(text).unwrap();
    assert!(read.rejected.is_empty(), "{:#?}", read.rejected);
    let m = &read.models[0];
    assert_eq!(m.id, "nettrix-x640-g40");
    assert_eq!(m.kind, ServerKind::Gpu);
    assert_eq!(m.height.in_unit(LengthUnit::U), 4.0);
    assert_eq!(m.max_power.in_unit(PowerUnit::kW), 6.5);
    assert_eq!((m.utilisation, m.fan_share), (0.7, 0.12));
    assert_eq!(m.cold_plate, KitAvailability::Retrofit);
    assert_eq!(m.immersion, ImmersionCompat::WithPrep);
    // 220 lb × 0.45359237 kg/lb = 99.79 kg
    assert!((m.weight.in_unit(MassUnit::kg) - 99.790_321_4).abs() < 1e-6);
    assert_eq!(m.service_life.unwrap().in_unit(TimeUnit::year), 5.0);
    assert_eq!(
        m.kit_cost,
        [
            Money::new(20_000.0, Currency::CNY),
            Money::new(2_800.0, Currency::USD)
        ]
    );
    assert_eq!(m.aliases, ["X640 G40", "X640-G40"]);
    assert!(m.sources.is_empty() && m.factory_premium.is_empty());
}

#[test]
fn bad_rows_are_listed_with_their_line_and_the_rest_is_read() {
    let header = CATALOG_HEADER.join(",");
    let good = "a,V,A box,Cpu,1 U,0.5 kW,0.35,0.08,0.75,Retrofit,WithPrep,18 kg,,,,,,T,,2024,MFR,";
    let text = format!(
        "{header}\n\
         {good}\n\
         a,,,,,,,,,,,,,,,,,T2,,2025,ANL,\n\
         b,V,B box,Toaster,1 U,0.5 kW,0.35,0.08,0.75,Retrofit,WithPrep,18 kg,,,,,,,,,,\n\
         b,,,,,,,,,,,,,,,,,T3,,2025,ANL,\n\
         c,,,,,,,,,,,,,,,,,T4,,2025,ANL,\n\
         d,V,D box,Gpu,4 U,,0.7,0.1,0.8,Retrofit,No,50 kg,,,,,,T,,2024,Vendor,\n"
    );
    let read = read_catalog(&text).unwrap();
    assert_eq!(read.models.len(), 1);
    assert_eq!(read.models[0].sources.len(), 2);
    let problems: Vec<(u64, CatalogRowProblem)> = read
        .rejected
        .iter()
        .map(|r| (r.line, r.problem.clone()))
        .collect();
    assert_eq!(
        problems,
        [
            (
                4,
                CatalogRowProblem::BadValue {
                    column: "kind",
                    text: "Toaster".into()
                }
            ),
            (5, CatalogRowProblem::OfRejectedModel { id: "b".into() }),
            (6, CatalogRowProblem::SourceWithoutModel { id: "c".into() }),
            (
                7,
                CatalogRowProblem::Empty {
                    column: "max_power"
                }
            ),
        ]
    );
}

#[test]
fn a_file_without_the_needed_columns_is_refused_naming_them() {
    let err = read_catalog("id,name,vendor,kind\nx,X,V,Cpu\n").unwrap_err();
    assert_eq!(
        err,
        ImportError::MissingCatalogColumns(vec![
            "height",
            "max_power",
            "utilisation",
            "fan_share",
            "cold_plate_capture",
            "cold_plate",
            "immersion",
            "weight"
        ])
    );
}
