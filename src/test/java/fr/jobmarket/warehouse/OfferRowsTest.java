package fr.jobmarket.warehouse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.config.Settings;
import fr.jobmarket.history.JsonArrayFiles;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class OfferRowsTest {

    private static final LocalDate RUN = LocalDate.parse("2025-07-21");
    private static final Classification CLASSIFICATION =
            Classification.of(Settings.load(Map.of(), new Properties(), Map.of()));

    private static ObjectNode offer(String json) throws Exception {
        return (ObjectNode) JsonArrayFiles.MAPPER.readTree(json.replace('\'', '"'));
    }

    private static Object column(OfferRows rows, int index) {
        return rows.offre().get(index);
    }

    @Test
    void keepsTheDatePartOfTimestampsAndTrimsTextsToNull() throws Exception {
        OfferRows rows = OfferRows.of(offer("{'id':' 188LLXS ','dateCreation':'2024-11-28T14:23:11.470Z',"
                + "'dateActualisation':null,'dateExtraction':'2025-07-20','intitule':'  Data  ','typeContrat':' \\t ',"
                + "'description':''}"), RUN, CLASSIFICATION);

        assertThat(rows.offreId()).isEqualTo("188LLXS");
        assertThat(column(rows, 3)).isEqualTo(LocalDate.parse("2024-11-28"));
        assertThat(column(rows, 4)).isNull();
        assertThat(column(rows, 34)).isEqualTo("Data");
        assertThat(column(rows, 35)).isNull();
        assertThat(column(rows, 6)).isNull();
        assertThat(rows.offre().get(rows.offre().size() - 1)).isEqualTo(LocalDate.parse("2025-07-20"));
        assertThat(rows.problems()).isEmpty();
    }

    @Test
    void takesTheFirstPartnerNameAndNullForAnEmptyOrMissingList() throws Exception {
        assertThat(column(OfferRows.of(offer("{'id':'A','origineOffre':{'partenaires':[{'nom':'INDEED'},{'nom':'X'}]}}"),
                RUN, CLASSIFICATION), 36)).isEqualTo("INDEED");
        assertThat(column(OfferRows.of(offer("{'id':'A','origineOffre':{'partenaires':[]}}"), RUN, CLASSIFICATION), 36)).isNull();
        assertThat(column(OfferRows.of(offer("{'id':'A','origineOffre':{}}"), RUN, CLASSIFICATION), 36)).isNull();
    }

    @Test
    void aMissingFormationsKeyIsOneEmptyFormationButAnEmptyListIsNone() throws Exception {
        assertThat(OfferRows.of(offer("{'id':'A'}"), RUN, CLASSIFICATION).formations())
                .containsExactly(Arrays.asList("A", RUN, 0, null, null, null, null));
        assertThat(OfferRows.of(offer("{'id':'A','formations':[]}"), RUN, CLASSIFICATION).formations()).isEmpty();
        assertThat(OfferRows.of(offer("{'id':'A','formations':[{'niveauLibelle':'Bac+5'}]}"), RUN, CLASSIFICATION).formations())
                .containsExactly(Arrays.asList("A", RUN, 0, null, "Bac+5", null, null));
    }

    @Test
    void wronglyTypedAttributesBecomeNullAndAreRecorded() throws Exception {
        OfferRows rows = OfferRows.of(offer("{'id':'A','nombrePostes':'deux','alternance':'oui','salaire':[1],"
                + "'competences':{'code':1},'dateCreation':'hier','lieu_cas':'cas_9','qualificationCode':'7',"
                + "'langues':[{'exigence':'E'}]}"), RUN, CLASSIFICATION);

        assertThat(column(rows, 5)).isNull();
        assertThat(column(rows, 15)).isNull();
        assertThat(column(rows, 3)).isNull();
        assertThat(column(rows, 33)).isNull();
        assertThat(column(rows, 48)).isEqualTo(7);
        assertThat(rows.competences()).isEmpty();
        assertThat(rows.langues()).isEmpty();
        assertThat(rows.problems()).hasSize(7).anySatisfy(p -> assertThat(p).startsWith("nombrePostes"));
    }

    @Test
    void removesNulCharactersAndCountsThem() throws Exception {
        OfferRows rows = OfferRows.of(offer("{'id':'A','intitule':'Da\\u0000ta\\u0000'}"), RUN, CLASSIFICATION);

        assertThat(column(rows, 34)).isEqualTo("Data");
        assertThat(rows.nulCharacters()).isEqualTo(2);
    }

    @Test
    void anOfferWithoutIdCannotBeStoredAndOneWithoutReadableExtractionDateIsLinkedOnTheRunDate() throws Exception {
        assertThat(OfferRows.of(offer("{'intitule':'Data'}"), RUN, CLASSIFICATION)).isNull();
        OfferRows rows = OfferRows.of(offer("{'id':'A','dateExtraction':'bientôt','competences':[{'code':'12','libelle':'SQL'}]}"),
                RUN, CLASSIFICATION);
        assertThat(column(rows, 1)).isNull();
        assertThat(rows.competences()).containsExactly(Arrays.asList("A", RUN, 12, "SQL", null));
    }
}
