package fr.jobmarket.geo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeocoderCsvTest {

    private static final Coordinates BORDEAUX = new Coordinates(44.8378, -0.5792);

    @Test
    void writesOnePointALineUnderTheLatLonHeaderAsTheCacheKeysThem() {
        assertThat(GeocoderCsv.request(List.of(BORDEAUX, new Coordinates(48.8727123, 2.3125))))
                .isEqualTo("lat,lon\n44.83780,-0.57920\n48.87271,2.31250\n");
    }

    @Test
    void readsTheCommuneAndPostalCodesOfEachRowWhateverTheColumnOrder() {
        Map<Coordinates, Place> places = GeocoderCsv.answer("result_citycode,lat,result_label,lon,result_postcode\n"
                + "33063,44.83780,8 Cours de l'Intendance 33000 Bordeaux,-0.57920,33000\n");

        assertThat(places).containsExactly(Map.entry(BORDEAUX, new Place("33063", "33000")));
    }

    @Test
    void quotedCellsMayHoldCommasDoubledQuotesAndLineBreaks() {
        Map<Coordinates, Place> places = GeocoderCsv.answer("\uFEFFlat,lon,result_label,result_context,result_postcode,result_citycode\r\n"
                + "44.83780,-0.57920,\"Rue du \"\"Pont\"\", Bordeaux\",\"33, Gironde,\r\nNouvelle-Aquitaine\",33000,33063\r\n"
                + "\r\n"
                + "48.87271,2.31250,\"\",\"\",\"75008\",\"75108\"\r\n");

        assertThat(places).containsExactly(Map.entry(BORDEAUX, new Place("33063", "33000")),
                Map.entry(new Coordinates(48.87271, 2.3125), new Place("75108", "75008")));
    }

    @Test
    void anEmptyCommuneCodeKeepsThePostalCodeAndARowWithNeitherIsNothingFound() {
        Map<Coordinates, Place> places = GeocoderCsv.answer("lat,lon,result_postcode,result_citycode,result_status\n"
                + "44.83780,-0.57920,33000,,ok\n"
                + "46.00000,-1.00000,,,not-found\n");

        assertThat(places.get(BORDEAUX)).isEqualTo(new Place(null, "33000"));
        assertThat(places.get(new Coordinates(46.0, -1.0))).isEqualTo(Place.NONE);
    }

    @Test
    void rowsTheGeocoderFailedOrThatLackTheirPointAreLeftOut() {
        Map<Coordinates, Place> places = GeocoderCsv.answer("lat,lon,result_postcode,result_citycode,result_status\n"
                + "44.83780,-0.57920,,,error\n"
                + "45.00000,-0.50000,,,skipped\n"
                + "abc,-0.50000,33000,33063,ok\n"
                + "45.10000\n"
                + "NaN,1.0,33000,33063\n"
                + "45.20000,-0.50000,33000\n");

        // the short last row has its postal code and no commune code
        assertThat(places).containsExactly(Map.entry(new Coordinates(45.2, -0.5), new Place(null, "33000")));
    }

    @Test
    void anAnswerWithoutTheExpectedColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> GeocoderCsv.answer("<html><body>Service indisponible</body></html>"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lat, lon, result_citycode and result_postcode").hasMessageContaining("Service indisponible");
        assertThatThrownBy(() -> GeocoderCsv.answer("lat,lon,result_label\n44.83780,-0.57920,Bordeaux\n"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GeocoderCsv.answer("")).hasMessageEndingWith("got nothing");
        assertThatThrownBy(() -> GeocoderCsv.answer(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aQuoteLeftOpenIsRefused() {
        assertThatThrownBy(() -> GeocoderCsv.answer("lat,lon,result_postcode,result_citycode\n44.83780,-0.57920,\"33000,33063\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quoted cell that never ends");
    }
}
